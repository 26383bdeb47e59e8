namespace OciOperator.Mysql.Tests.Support;

/// <summary>Locates the repository root (the folder holding OciOperator.sln) and the shared material beside it.</summary>
internal static class RepositoryPaths
{
    public static string Root { get; } = FindRoot();

    public static string Shared => Path.GetFullPath(Path.Combine(Root, "..", "shared"));

    public static string CrdDirectory => Path.Combine(Root, "config", "crd");

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
