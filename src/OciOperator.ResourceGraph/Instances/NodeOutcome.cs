namespace OciOperator.ResourceGraph.Instances;

/// <summary>
/// Where one node of an instance stands after a run. Waiting is never an error: each waiting case says what it waits
/// on (a dependency, a <c>readyWhen</c> of a named object, or a value at a path).
/// </summary>
public abstract record NodeOutcome
{
    private NodeOutcome()
    {
    }

    /// <summary>One line for conditions and Events.</summary>
    public abstract string Describe(string id);

    /// <summary>The object exists and every <c>readyWhen</c> holds (or it has none).</summary>
    public sealed record Ready : NodeOutcome
    {
        public override string Describe(string id) => $"{id} is ready";
    }

    /// <summary><c>includeWhen</c> is false, or a dependency is excluded; the node counts as ready for gating.</summary>
    public sealed record Excluded(string Reason) : NodeOutcome
    {
        public override string Describe(string id) => $"{id} is excluded: {Reason}";
    }

    /// <summary>Dependencies that are not ready yet, so the node cannot be resolved.</summary>
    public sealed record WaitingOnDependency(IReadOnlyList<string> Dependencies) : NodeOutcome
    {
        public override string Describe(string id) => $"{id} waits on {string.Join(", ", Dependencies)}";
    }

    /// <summary>The object (kind/namespace/name) does not exist yet, or a <c>readyWhen</c> is not true yet.</summary>
    public sealed record WaitingOnReadiness(string Object, string Condition) : NodeOutcome
    {
        public override string Describe(string id) => $"{id} waits for {Object}: {Condition}";
    }

    /// <summary>A value the node reads is not there yet (another object's status, an external object).</summary>
    public sealed record WaitingOnData(string Path, string Message) : NodeOutcome
    {
        public override string Describe(string id) => $"{id} waits on data at {Path}: {Message}";
    }

    /// <summary>A real error: an expression failed for another reason than missing data, or the node is invalid.</summary>
    public sealed record Failed(string Message) : NodeOutcome
    {
        public override string Describe(string id) => $"{id}: {Message}";
    }
}
