namespace OciOperator.ResourceGraph.Dag;

/// <summary>The outcome of a topological sort: the order, or the cycle that prevents one.</summary>
public sealed record DagSortResult<T>(IReadOnlyList<T>? Order, CycleError<T>? Cycle)
    where T : notnull
{
    public bool Success => Order is not null;
}
