using System.Reflection;
using System.Text.RegularExpressions;
using OciOperator.Testing.Architecture;

namespace OciOperator.Tests.Architecture;

/// <summary>
/// The assemblies follow <c>shared/design/architecture.md</c>: each src project references only the parts the table
/// allows, and no folder of any assembly uses a folder that uses it back (the assembly root, its composition root, is
/// left out of the folder check).
/// </summary>
public sealed partial class AssemblyLayoutTests
{
    // architecture.md's "may depend on" column; Sandbox.Hosting is the loopback web host both Sandbox halves share.
    private static readonly Dictionary<string, string[]> Allowed = new(StringComparer.Ordinal)
    {
        ["OciOperator.Cel"] = [],
        ["OciOperator.Oci"] = [],
        ["OciOperator.Schemas"] = [],
        ["OciOperator.Runtime"] = [],
        ["OciOperator.Mysql"] = ["OciOperator.Runtime", "OciOperator.Oci", "OciOperator.Schemas"],
        ["OciOperator.ResourceGraph"] = ["OciOperator.Runtime", "OciOperator.Cel", "OciOperator.Schemas"],
        ["OciOperator.Sandbox.Hosting"] = [],
        ["OciOperator.Sandbox.Kube"] = ["OciOperator.Cel", "OciOperator.Schemas", "OciOperator.Sandbox.Hosting"],
        ["OciOperator.Sandbox.Oci"] = ["OciOperator.Sandbox.Hosting"],
        ["OciOperator"] =
        [
            "OciOperator.Cel", "OciOperator.Oci", "OciOperator.Schemas", "OciOperator.Runtime", "OciOperator.Mysql",
            "OciOperator.ResourceGraph", "OciOperator.Sandbox.Hosting", "OciOperator.Sandbox.Kube", "OciOperator.Sandbox.Oci",
        ],
    };

    private static IEnumerable<string> SourceAssemblies() =>
        Directory.EnumerateDirectories(Path.Combine(RepositoryPaths.Root, "src"))
            .Where(d => File.Exists(Path.Combine(d, Path.GetFileName(d) + ".csproj")))
            .Select(Path.GetFileName)
            .Order(StringComparer.Ordinal)!;

    [Test]
    public void SourceAssemblies_AreTheArchitectureParts()
    {
        Assert.That(SourceAssemblies(), Is.EquivalentTo(Allowed.Keys));
    }

    [TestCaseSource(nameof(SourceAssemblies))]
    public void ProjectReferences_Assembly_OnlyWhatTheArchitectureAllows(string assembly)
    {
        var csproj = File.ReadAllText(Path.Combine(RepositoryPaths.Root, "src", assembly, assembly + ".csproj"));
        var references = ProjectReference().Matches(csproj).Select(m => m.Groups["name"].Value).ToList();

        Assert.That(references, Is.SubsetOf(Allowed[assembly]), $"{assembly} references {string.Join(", ", references)}");
    }

    [TestCaseSource(nameof(SourceAssemblies))]
    public void FolderCycles_Assembly_None(string assembly)
    {
        var graph = FolderGraph.Read(assembly);

        Assert.That(
            graph.Cycles(includeRoot: false).Select(c => string.Join(" <-> ", c)),
            Is.Empty,
            string.Join("\n", graph.Edges.Select(e => $"{(e.Key.Length == 0 ? "(root)" : e.Key)} -> {string.Join(", ", e.Value)}")));
    }

    [Test]
    public void LoggerMessages_AllAssemblies_EventIdsUniqueInTheProcess()
    {
        // One process logs for every part, so an id must say which part and which message it is.
        var declared = SourceAssemblies()
            .SelectMany(name => LogEventIds.Declared(Assembly.Load(name == "OciOperator" ? "oci-operator" : name)).Select(d => (d.Id, Where: $"{name}: {d.Method}")))
            .ToList();
        var shared = declared.GroupBy(d => d.Id).Where(g => g.Count() > 1).Select(g => $"{g.Key}: {string.Join(", ", g.Select(d => d.Where))}");

        Assert.That(declared, Has.Count.GreaterThan(50), "the log methods were found");
        Assert.That(shared, Is.Empty);
    }

    [GeneratedRegex(@"<ProjectReference\s+Include=""[^""]*?[\\/](?<name>[\w.]+)\.csproj""")]
    private static partial Regex ProjectReference();
}
