namespace OciOperator.Oci.Tests.Support;

/// <summary>Locates <c>../shared</c> beside the repository root (the directory holding OciOperator.sln).</summary>
internal static class SharedFiles
{
    public static string Root
    {
        get
        {
            var dir = new DirectoryInfo(TestContext.CurrentContext.TestDirectory);
            while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "OciOperator.sln")))
            {
                dir = dir.Parent;
            }

            if (dir?.Parent is null)
            {
                throw new InvalidOperationException("OciOperator.sln not found above the test directory.");
            }

            return Path.Combine(dir.Parent.FullName, "shared");
        }
    }

    public static string PathOf(string relative) => Path.Combine(Root, relative);
}
