using OciOperator.Testing.Architecture;
namespace OciOperator.Oci.Tests.Architecture;

/// <summary>
/// The generic OCI layer does not use the MySQL folder (no folder loops at all: <c>AssemblyLayoutTests</c>).
/// </summary>
public sealed class FolderGraphTests
{
    [Test]
    public void Edges_OciAssembly_GenericLayerDoesNotUseMysql()
    {
        var graph = FolderGraph.Read("OciOperator.Oci");

        Assert.That(graph.Edges["Http"], Does.Not.Contain("Mysql").And.Not.Contain("Diagnostics"), Describe(graph));
        Assert.That(graph.Edges["Mysql"], Does.Contain("Http"), Describe(graph));
    }

    private static string Describe(FolderGraph graph) =>
        string.Join("\n", graph.Edges.Select(e => $"{Name(e.Key)} -> {string.Join(", ", e.Value.Select(Name))}"));

    private static string Name(string folder) => folder.Length == 0 ? "(root)" : folder;
}
