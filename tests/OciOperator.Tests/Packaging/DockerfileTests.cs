using System.Text.RegularExpressions;

namespace OciOperator.Tests.Packaging;

/// <summary>
/// The image recipe: pinned bases, a restore layer that lists every project, non-root 65532, the container publish
/// mode; and a .dockerignore that keeps the build context to the sources (checked with Docker's matching rules:
/// patterns in order, the last match wins, a path is matched by itself or any parent directory).
/// </summary>
public sealed partial class DockerfileTests
{
    private static readonly string Root = RepositoryPaths.Root;

    private static string[] Lines => File.ReadAllLines(Path.Combine(Root, "Dockerfile"));

    [Test]
    public void Dockerfile_BaseImages_ArePinnedByVersion()
    {
        var bases = Lines.Where(l => l.StartsWith("FROM ", StringComparison.Ordinal)).Select(l => l.Split(' ').First(w => w.Contains("mcr.microsoft.com", StringComparison.Ordinal))).ToList();

        Assert.That(bases, Has.Count.EqualTo(2));
        Assert.That(bases[0], Does.Match(@"^mcr\.microsoft\.com/dotnet/sdk:10\.0\.\d{3}-noble$"));
        Assert.That(bases[1], Does.Match(@"^mcr\.microsoft\.com/dotnet/runtime-deps:10\.0\.\d+-noble-chiseled$"));
    }

    [Test]
    public void Dockerfile_RestoreLayer_CopiesEveryProjectBeforeTheSources()
    {
        var copySources = Lines.ToList().FindIndex(l => l.StartsWith("COPY src/ src/", StringComparison.Ordinal));
        var restore = Lines.ToList().FindIndex(l => l.Contains("dotnet restore", StringComparison.Ordinal));
        var projects = Directory.EnumerateFiles(Path.Combine(Root, "src"), "*.csproj", SearchOption.AllDirectories)
            .Select(p => Path.GetRelativePath(Root, p).Replace('\\', '/'));

        Assert.That(restore, Is.GreaterThan(0).And.LessThan(copySources));
        foreach (var project in projects)
        {
            Assert.That(Lines.Take(restore), Has.Some.StartsWith($"COPY {project} "), project);
        }

        Assert.That(Lines.Take(restore), Has.Some.Contains("Directory.Build.props").And.Some.Contains(".editorconfig"), "the analyzer settings CI builds with");
    }

    [Test]
    public void Dockerfile_FinalStage_RunsTheTrimmedAppAsUser65532()
    {
        var final = Lines.SkipWhile(l => !l.Contains("runtime-deps", StringComparison.Ordinal)).ToList();

        Assert.That(final, Does.Contain("USER 65532:65532"));
        Assert.That(final, Has.Some.StartsWith("ENTRYPOINT [\"/app/oci-operator\"]"));
        Assert.That(Lines, Has.Some.Contains("dotnet publish").And.Some.Contains("-p:ContainerPublish=true"));
    }

    [Test]
    public void Dockerfile_CopiesEveryFileTheExecutableEmbedsFromOutsideSrc()
    {
        var project = File.ReadAllText(Path.Combine(Root, "src", "OciOperator", "OciOperator.csproj"));
        var outside = EmbeddedOutsideSrc().Matches(project).Select(m => m.Groups[1].Value).ToList();

        Assert.That(outside, Is.Not.Empty, "the exe embeds the walkthrough from config/samples");
        foreach (var file in outside)
        {
            Assert.That(Lines, Has.Some.Match($@"^COPY .*\b{Regex.Escape(file)}\b"), file);
        }
    }

    [Test]
    public void DockerIgnore_BuildContext_IsTheSourcesOnly()
    {
        var patterns = File.ReadAllLines(Path.Combine(Root, ".dockerignore")).Select(l => l.Trim()).Where(l => l.Length > 0 && !l.StartsWith('#')).ToList();
        var context = Directory.EnumerateFiles(Root, "*", SearchOption.AllDirectories)
            .Select(p => Path.GetRelativePath(Root, p).Replace('\\', '/'))
            .Where(p => !Excluded(patterns, p))
            .ToList();
        var size = context.Sum(p => new FileInfo(Path.Combine(Root, p)).Length);

        Assert.That(context, Does.Contain("Directory.Build.props").And.Contain("Directory.Packages.props").And.Contain("src/OciOperator/Program.cs"));
        Assert.That(context.Where(p => !p.StartsWith("src/", StringComparison.Ordinal)), Is.EquivalentTo(new[]
        {
            "Directory.Build.props", "Directory.Packages.props", ".editorconfig", "config/samples/osok_kro_demo_rgd.yaml", "config/samples/osok_kro_demo.yaml",
        }));
        Assert.That(context, Has.None.Contains("/bin/").And.None.Contains("/obj/"));
        Assert.That(size, Is.LessThan(8 * 1024 * 1024), $"build context of {context.Count} files, {size / 1024} KiB");
        TestContext.Progress.WriteLine($"docker build context: {context.Count} files, {size / 1024} KiB");
    }

    [GeneratedRegex(@"Include=""\.\./\.\./([^""]+)""")]
    private static partial Regex EmbeddedOutsideSrc();

    /// <summary>Docker's .dockerignore rule: the last pattern matching the path or one of its parents decides; '!' re-includes.</summary>
    private static bool Excluded(List<string> patterns, string path)
    {
        var excluded = false;
        foreach (var raw in patterns)
        {
            var negated = raw.StartsWith('!');
            var pattern = (negated ? raw[1..] : raw).TrimEnd('/');
            if (MatchesOrParentMatches(pattern, path))
            {
                excluded = !negated;
            }
        }

        return excluded;
    }

    private static bool MatchesOrParentMatches(string pattern, string path)
    {
        var regex = new Regex("^" + Regex.Escape(pattern).Replace(@"\*\*/", "(.*/)?", StringComparison.Ordinal).Replace(@"\*", "[^/]*", StringComparison.Ordinal) + "$");
        var parts = path.Split('/');
        return Enumerable.Range(1, parts.Length).Any(n => regex.IsMatch(string.Join('/', parts.Take(n))));
    }
}
