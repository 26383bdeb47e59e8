using OciOperator.Testing.Architecture;

namespace OciOperator.Schemas.Tests.Architecture;

/// <summary>No folder of OciOperator.Schemas uses a folder that uses it back (read from the source, see <see cref="FolderGraph"/>).</summary>
public sealed class FolderGraphTests
{
    [Test]
    public void Cycles_SchemasAssembly_None()
    {
        var graph = FolderGraph.Read("OciOperator.Schemas");

        Assert.That(graph.Edges.Keys, Does.Contain("Crd").And.Contain("BuiltIn"), "the source was read");
        Assert.That(graph.Cycles(includeRoot: true), Is.Empty, Describe(graph));
        Assert.That(graph.Edges["Crd"], Does.Not.Contain("BuiltIn"), "the CRD generator knows nothing of the built-in kinds");
    }

    private static string Describe(FolderGraph graph) =>
        string.Join("\n", graph.Edges.Select(e => $"{(e.Key.Length == 0 ? "(root)" : e.Key)} -> {string.Join(", ", e.Value.Select(v => v.Length == 0 ? "(root)" : v))}"));
}
