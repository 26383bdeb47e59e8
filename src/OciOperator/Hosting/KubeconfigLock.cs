namespace OciOperator.Hosting;

/// <summary>
/// An exclusive lock file beside a Sandbox's kubeconfig (<c>sandbox.kubeconfig.lock</c>), held while the Sandbox
/// runs, so a second Sandbox never overwrites the kubeconfig of one still running. The operating system drops the
/// lock when the process ends, however it ends, so a crashed Sandbox leaves nothing stale behind.
/// </summary>
internal sealed class KubeconfigLock : IDisposable
{
    private readonly FileStream _file;

    private KubeconfigLock(FileStream file) => _file = file;

    /// <summary>The held lock, or null when another live Sandbox holds it.</summary>
    public static KubeconfigLock? TryAcquire(string kubeconfigPath)
    {
        ArgumentNullException.ThrowIfNull(kubeconfigPath);
        var directory = Path.GetDirectoryName(kubeconfigPath);
        if (!string.IsNullOrEmpty(directory))
        {
            Directory.CreateDirectory(directory);
        }

        try
        {
            var file = new FileStream(LockPath(kubeconfigPath), FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None, 1, FileOptions.DeleteOnClose);
            file.SetLength(0);
            using (var writer = new StreamWriter(file, leaveOpen: true))
            {
                writer.Write(Environment.ProcessId);
            }

            return new KubeconfigLock(file);
        }
        catch (IOException)
        {
            return null;
        }
    }

    public static string LockPath(string kubeconfigPath) => kubeconfigPath + ".lock";

    public void Dispose() => _file.Dispose();
}
