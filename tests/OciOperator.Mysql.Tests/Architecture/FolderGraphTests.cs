using OciOperator.Testing.Architecture;

namespace OciOperator.Mysql.Tests.Architecture;

/// <summary>No folder of OciOperator.Mysql uses a folder that uses it back (read from the source, see <see cref="FolderGraph"/>).</summary>
public sealed class FolderGraphTests
{
    [Test]
    public void Cycles_MysqlAssembly_None()
    {
        var graph = FolderGraph.Read("OciOperator.Mysql");

        Assert.That(graph.Edges.Keys, Does.Contain("Controllers").And.Contain("Mapping"), "the source was read");
        Assert.That(graph.Cycles(includeRoot: true), Is.Empty, Describe(graph));
    }

    [Test]
    public void Edges_MysqlAssembly_MappingDoesNotUseControllers()
    {
        var graph = FolderGraph.Read("OciOperator.Mysql");

        Assert.That(graph.Edges["Mapping"], Does.Not.Contain("Controllers"), Describe(graph));
        Assert.That(graph.Edges["Mapping"], Does.Contain("Ownership"), Describe(graph));
    }

    private static string Describe(FolderGraph graph) =>
        string.Join("\n", graph.Edges.Select(e => $"{(e.Key.Length == 0 ? "(root)" : e.Key)} -> {string.Join(", ", e.Value.Select(v => v.Length == 0 ? "(root)" : v))}"));
}
