using OciOperator.Testing.Architecture;

namespace OciOperator.Cel.Tests;

/// <summary>
/// The folders of the Cel assembly depend on each other one way, counting the facade namespace <c>OciOperator.Cel</c>
/// as a folder too: it uses every stage, so a stage that uses the facade (its types are visible there without a
/// <c>using</c>) is a cycle. Read with the repository's <see cref="FolderGraph"/>.
/// </summary>
public sealed class FolderDependencyTests
{
    private const string Facade = "";

    [Test]
    public void Folders_OfTheCelAssembly_FormNoCycle()
    {
        var graph = FolderGraph.Read("OciOperator.Cel");

        Assert.That(graph.Cycles(includeRoot: true).Select(c => string.Join(" <-> ", c)), Is.Empty, Describe(graph));
    }

    [Test]
    public void StageFolders_NeverUseTheFacade()
    {
        var graph = FolderGraph.Read("OciOperator.Cel");

        var users = graph.Edges.Where(e => e.Key != Facade && e.Value.Contains(Facade)).Select(e => e.Key);

        Assert.That(users, Is.Empty, Describe(graph));
    }

    [Test]
    public void Dependencies_OfTheCelAssembly_AreFound()
    {
        var graph = FolderGraph.Read("OciOperator.Cel");

        // The check sees real edges (it would pass vacuously if it saw none).
        Assert.That(graph.Edges[Facade], Is.SupersetOf(new[] { "Parsing", "Checking", "Planning", "Common" }));
        Assert.That(graph.Edges["Parsing"], Does.Contain("Lexing"));
        Assert.That(graph.Edges["Planning"], Does.Contain("Values"));
    }

    private static string Describe(FolderGraph graph) =>
        string.Join("\n", graph.Edges.Select(e => $"{(e.Key.Length == 0 ? "(facade)" : e.Key)} -> {string.Join(", ", e.Value.Select(v => v.Length == 0 ? "(facade)" : v))}"));
}
