namespace OciOperator.Testing;

/// <summary>The repository root (the folder holding <c>OciOperator.sln</c>) and the shared material beside it.</summary>
public static class RepositoryPaths
{
    private static readonly Lazy<string> RootPath = new(FindRoot);

    public static string Root => RootPath.Value;

    /// <summary><c>../shared</c> beside the clone (CI has it there too).</summary>
    public static string Shared => Path.GetFullPath(Path.Combine(Root, "..", "shared"));

    public static string CrdDirectory => Path.Combine(Root, "config", "crd");

    /// <summary>A path inside <c>../shared</c>.</summary>
    public static string InShared(string relative) => Path.GetFullPath(Path.Combine(Shared, relative));

    /// <summary>A file of the seed walkthrough, <c>../shared/fixtures/seed/NAME</c>.</summary>
    public static string SeedFixture(string fileName) => Path.Combine(Shared, "fixtures", "seed", fileName);

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "OciOperator.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException($"OciOperator.sln was not found above {AppContext.BaseDirectory}.");
    }
}
