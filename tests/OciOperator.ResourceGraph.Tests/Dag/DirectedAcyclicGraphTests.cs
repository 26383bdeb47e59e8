using OciOperator.ResourceGraph.Dag;

namespace OciOperator.ResourceGraph.Tests.Dag;

public sealed class DirectedAcyclicGraphTests
{
    private static DirectedAcyclicGraph<string> Graph(string vertices, params (string From, string To)[] edges)
    {
        var dag = new DirectedAcyclicGraph<string>();
        foreach (var v in vertices.Split(' '))
        {
            dag.AddVertex(v);
        }

        foreach (var (from, to) in edges)
        {
            dag.AddDependencies(from, [to]);
        }

        return dag;
    }

    [Test]
    public void TopologicalSort_NoEdges_KeepsInsertionOrder() =>
        Assert.That(Graph("c a b").TopologicalSort().Order, Is.EqualTo(new[] { "c", "a", "b" }));

    [Test]
    public void TopologicalSort_Dependencies_ComeFirstAndListOrderBreaksTies()
    {
        // d depends on a; b depends on d; c is free: a, c come before d only by list order.
        var order = Graph("b c d a", ("b", "d"), ("d", "a")).TopologicalSort().Order;
        Assert.That(order, Is.EqualTo(new[] { "c", "a", "d", "b" }));
    }

    [Test]
    public void TopologicalSort_Cycle_ReportsKroMessage()
    {
        var result = Graph("a b c", ("a", "b"), ("b", "c"), ("c", "a")).TopologicalSort();
        Assert.That(result.Success, Is.False);
        Assert.That(result.Cycle!.ToString(), Is.EqualTo("graph contains a cycle: a -> b -> c -> a"));
    }

    [Test]
    public void TopologicalSort_CycleBehindAcyclicPart_FindsTheCycle()
    {
        var result = Graph("x a b", ("x", "a"), ("a", "b"), ("b", "a")).TopologicalSort();
        Assert.That(result.Cycle!.Cycle, Is.EqualTo(new[] { "a", "b", "a" }));
    }

    [Test]
    public void ReverseTopologicalLayers_Chain_DependentsFirst()
    {
        var layers = Graph("secret db app svc", ("db", "secret"), ("app", "db"), ("app", "secret"), ("svc", "app")).ReverseTopologicalLayers();
        Assert.That(layers!.Select(l => string.Join(",", l)), Is.EqualTo(new[] { "svc", "app", "db", "secret" }));
    }

    [Test]
    public void ReverseTopologicalLayers_Diamond_GroupsSiblings()
    {
        var layers = Graph("root left right top", ("left", "root"), ("right", "root"), ("top", "left"), ("top", "right")).ReverseTopologicalLayers();
        Assert.That(layers!.Select(l => string.Join(",", l)), Is.EqualTo(new[] { "top", "left,right", "root" }));
    }

    [Test]
    public void ReverseTopologicalLayers_Cycle_IsNull() =>
        Assert.That(Graph("a b", ("a", "b"), ("b", "a")).ReverseTopologicalLayers(), Is.Null);

    [Test]
    public void AddDependencies_UnknownVertex_Throws() =>
        Assert.That(() => Graph("a").AddDependencies("a", ["zzz"]), Throws.ArgumentException);
}
