namespace OciOperator.ResourceGraph.Tests.Support;

/// <summary>Finds the repository root (the folder with <c>OciOperator.sln</c>) and the shared material beside it.</summary>
internal static class RepositoryPaths
{
    public static string Root
    {
        get
        {
            var directory = new DirectoryInfo(AppContext.BaseDirectory);
            while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "OciOperator.sln")))
            {
                directory = directory.Parent;
            }

            return directory?.FullName ?? throw new InvalidOperationException("OciOperator.sln not found above the test assembly");
        }
    }

    public static string Shared(string relative) => Path.GetFullPath(Path.Combine(Root, "..", "shared", relative));
}
