namespace OciOperator.ResourceGraph.Dag;

/// <summary>A cycle found in a graph: the vertices on it, the first repeated at the end (kro's <c>CycleError</c>).</summary>
public sealed record CycleError<T>(IReadOnlyList<T> Cycle)
    where T : notnull
{
    /// <summary>kro's text: <c>graph contains a cycle: a -> b -> a</c>.</summary>
    public override string ToString() => "graph contains a cycle: " + string.Join(" -> ", Cycle);
}
