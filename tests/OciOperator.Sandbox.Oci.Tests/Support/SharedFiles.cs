namespace OciOperator.Sandbox.Oci.Tests.Support;

/// <summary>Finds <c>../shared</c> beside the repository root (the directory holding OciOperator.sln).</summary>
internal static class SharedFiles
{
    public static string PathOf(string relative)
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "OciOperator.sln")))
        {
            directory = directory.Parent;
        }

        if (directory?.Parent is null)
        {
            throw new InvalidOperationException("OciOperator.sln was not found above the test assembly.");
        }

        return Path.Combine(directory.Parent.FullName, "shared", relative);
    }
}
