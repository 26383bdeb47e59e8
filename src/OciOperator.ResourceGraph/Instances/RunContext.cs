using System.Text.Json.Nodes;
using OciOperator.ResourceGraph.Graph;

namespace OciOperator.ResourceGraph.Instances;

/// <summary>The mutable state of one run: variables (schema and observed nodes) and the outcomes so far.</summary>
internal sealed class RunContext(CompiledGraph graph, JsonObject instance, ObservedState observed)
{
    public CompiledGraph Graph { get; } = graph;

    public JsonObject Instance { get; } = instance;

    public ObservedState Observed { get; } = observed;

    public Dictionary<string, object?> Variables { get; } = new(StringComparer.Ordinal) { ["schema"] = instance };

    public Dictionary<string, NodeOutcome> Outcomes { get; } = new(StringComparer.Ordinal);

    public string? InstanceNamespace => Instance["metadata"]?["namespace"]?.GetValue<string>();
}
