namespace OciOperator.Tests.Support;

/// <summary>Locates the repository root (the folder holding OciOperator.sln) and the shared material beside it.</summary>
internal static class RepositoryPaths
{
    private static readonly Lazy<string> RootPath = new(FindRoot);

    public static string Root => RootPath.Value;

    public static string Shared => Path.GetFullPath(Path.Combine(Root, "..", "shared"));

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "OciOperator.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("OciOperator.sln was not found above " + AppContext.BaseDirectory);
    }
}
