namespace OciOperator.ResourceGraph.Diagnostics;

/// <summary>Collects build errors in the order they are found (resources in list order), never throwing at the first.</summary>
internal sealed class GraphErrorList
{
    private readonly List<GraphError> _errors = [];

    public int Count => _errors.Count;

    public IReadOnlyList<GraphError> Items => _errors;

    public void Add(GraphErrorGroup group, string? resourceId, string path, string message) =>
        _errors.Add(new GraphError(group, resourceId, path, message));

    /// <summary>True when an error was added for <paramref name="resourceId"/> (in any group).</summary>
    public bool HasFor(string resourceId) => _errors.Exists(e => e.ResourceId == resourceId);
}
