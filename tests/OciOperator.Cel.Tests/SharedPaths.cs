namespace OciOperator.Cel.Tests;

/// <summary>Locates the repository and the read-only shared material (../shared beside the repository root).</summary>
internal static class SharedPaths
{
    public static string Root() => Path.Combine(Directory.GetParent(RepositoryRoot())!.FullName, "shared");

    /// <summary>The repository root (the directory holding OciOperator.sln).</summary>
    public static string RepositoryRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "OciOperator.sln")))
        {
            dir = dir.Parent;
        }

        if (dir?.Parent is null)
        {
            throw new InvalidOperationException("repository root (OciOperator.sln) not found");
        }

        return dir.FullName;
    }

    public static string ConformanceDir() => Path.Combine(Root(), "conformance", "cel");
}
