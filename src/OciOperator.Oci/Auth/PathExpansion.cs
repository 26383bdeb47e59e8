namespace OciOperator.Oci.Auth;

/// <summary><c>~</c> expansion for paths in OCI configuration.</summary>
public static class PathExpansion
{
    /// <summary>Expands a leading <c>~</c> to the user's home directory.</summary>
    public static string ExpandHome(string path, string? home = null)
    {
        ArgumentNullException.ThrowIfNull(path);
        if (path == "~" || path.StartsWith("~/", StringComparison.Ordinal))
        {
            home ??= Environment.GetFolderPath(Environment.SpecialFolder.UserProfile);
            return path.Length == 1 ? home : Path.Combine(home, path[2..]);
        }

        return path;
    }
}
