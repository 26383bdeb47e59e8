using OciOperator.Testing.Architecture;

namespace OciOperator.Runtime.Tests.Architecture;

/// <summary>
/// The repository's source-level folder check (the one every assembly runs) agrees with the IL-level one in
/// <see cref="NamespaceDependencyTests"/>: no folder of OciOperator.Runtime uses a folder that uses it back.
/// </summary>
public sealed class FolderGraphTests
{
    [Test]
    public void Cycles_RuntimeAssembly_None()
    {
        var graph = FolderGraph.Read("OciOperator.Runtime");

        Assert.That(graph.Edges.Keys, Does.Contain("Caching").And.Contain("Manager").And.Contain("Queue"), "the source was read");
        Assert.That(graph.Cycles(includeRoot: false), Is.Empty, string.Join("\n", graph.Edges.Select(e => $"{e.Key} -> {string.Join(", ", e.Value)}")));
    }
}
