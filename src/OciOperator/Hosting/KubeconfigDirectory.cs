namespace OciOperator.Hosting;

/// <summary>
/// Checks, before the Sandbox starts, that its kubeconfig (and the lock file beside it) can be written: on a
/// read-only file system (a container's read-only root, a read-only mount) the Sandbox says so in one line instead
/// of failing half-started.
/// </summary>
internal static class KubeconfigDirectory
{
    /// <summary>Null when files can be created beside <paramref name="kubeconfigPath"/>, else a one-line reason with the way out.</summary>
    public static string? WriteProblem(string kubeconfigPath)
    {
        var directory = Path.GetDirectoryName(Path.GetFullPath(kubeconfigPath)) ?? ".";
        try
        {
            Directory.CreateDirectory(directory);
            var probe = Path.Combine(directory, $".{Path.GetFileName(kubeconfigPath)}.{Environment.ProcessId}.probe");
            using (new FileStream(probe, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1, FileOptions.DeleteOnClose))
            {
            }

            return null;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return Describe(kubeconfigPath, e);
        }
    }

    /// <summary>The one-line error for a kubeconfig that cannot be written.</summary>
    public static string Describe(string kubeconfigPath, Exception e) =>
        $"error: cannot write the Sandbox kubeconfig {kubeconfigPath} ({e.Message.TrimEnd('.')}): the file system is read-only or not writable here. Pass --kubeconfig with a writable path, e.g. --kubeconfig /tmp/sandbox.kubeconfig.";
}
