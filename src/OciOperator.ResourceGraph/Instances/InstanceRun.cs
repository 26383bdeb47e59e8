using System.Text.Json.Nodes;

namespace OciOperator.ResourceGraph.Instances;

/// <summary>
/// One run of an instance over the observed state: the instance with defaults applied, every node in topological
/// order with its outcome and desired objects, the projected status fields (a field whose data is not there yet is
/// left out and listed in <see cref="StatusPending"/>), the author conditions and the resulting state.
/// <see cref="InstanceErrors"/> is set when the instance itself is invalid (then no node is run).
/// </summary>
public sealed record InstanceRun(
    JsonObject Instance,
    IReadOnlyList<NodeRun> Nodes,
    JsonObject Status,
    IReadOnlyList<string> StatusPending,
    IReadOnlyList<JsonObject> AuthorConditions,
    IReadOnlyList<string> ConditionErrors,
    IReadOnlyList<string> InstanceErrors)
{
    /// <summary>ERROR when the instance or any node failed, ACTIVE when every node is ready or excluded, else IN_PROGRESS.</summary>
    public InstanceState State =>
        InstanceErrors.Count > 0 || ConditionErrors.Count > 0 || Nodes.Any(n => n.Outcome is NodeOutcome.Failed) ? InstanceState.Error
        : Nodes.All(n => n.Outcome is NodeOutcome.Ready or NodeOutcome.Excluded) ? InstanceState.Active
        : InstanceState.InProgress;

    public NodeRun Node(string id) => Nodes.First(n => n.Id == id);

    /// <summary>The first problem: an instance error, else the first failed node, else the first waiting node.</summary>
    public string Summary()
    {
        if (InstanceErrors.Count > 0)
        {
            return "invalid instance: " + string.Join("; ", InstanceErrors);
        }

        var failed = Nodes.Where(n => n.Outcome is NodeOutcome.Failed).Select(n => n.Outcome.Describe(n.Id)).Concat(ConditionErrors).ToList();
        if (failed.Count > 0)
        {
            return "resource error: " + string.Join("; ", failed);
        }

        var waiting = Nodes.Where(n => n.Outcome is not (NodeOutcome.Ready or NodeOutcome.Excluded)).Select(n => n.Outcome.Describe(n.Id)).ToList();
        return waiting.Count > 0 ? "awaiting resource readiness: " + string.Join("; ", waiting) : "all resources are ready";
    }
}
