using System.Text.Json.Nodes;
using OciOperator.Cel.Values;
using OciOperator.ResourceGraph.Crd;
using OciOperator.ResourceGraph.Dag;

namespace OciOperator.ResourceGraph.Graph;

/// <summary>
/// An RGD compiled once: nodes in topological order with their checked CEL programs, the DAG, deletion layers and the
/// instance CRD (with the status schema inferred from the status expressions). Immutable; instances run from it.
/// </summary>
public sealed class CompiledGraph
{
    internal CompiledGraph(
        string rgdName,
        RgdSchema schema,
        IReadOnlyList<CompiledNode> nodes,
        DirectedAcyclicGraph<string> dag,
        IReadOnlyList<IReadOnlyList<string>> deletionLayers,
        IReadOnlyList<CompiledStatusField> statusFields,
        IReadOnlyList<CompiledExpression> conditions,
        JsonObject instanceCrd,
        IReadOnlyDictionary<string, CelType> variableTypes)
    {
        VariableTypes = variableTypes;
        RgdName = rgdName;
        Schema = schema;
        Nodes = nodes;
        Dag = dag;
        DeletionLayers = deletionLayers;
        StatusFields = statusFields;
        Conditions = conditions;
        _instanceCrd = instanceCrd;
        TopologicalOrder = [.. nodes.Select(n => n.Id)];
        _byId = nodes.ToDictionary(n => n.Id, StringComparer.Ordinal);
    }

    private readonly JsonObject _instanceCrd;
    private readonly Dictionary<string, CompiledNode> _byId;

    public string RgdName { get; }

    /// <summary>The declared CEL types of <c>schema</c> and of each resource variable (for activations).</summary>
    public IReadOnlyDictionary<string, CelType> VariableTypes { get; }

    public RgdSchema Schema { get; }

    /// <summary>Nodes in topological order (dependencies first; list order breaks ties).</summary>
    public IReadOnlyList<CompiledNode> Nodes { get; }

    public IReadOnlyList<string> TopologicalOrder { get; }

    /// <summary>The dependency graph. Only read it: the compiled graph owns it.</summary>
    internal DirectedAcyclicGraph<string> Dag { get; }

    /// <summary>Deletion waves, dependents first (kro's reverse topological layers).</summary>
    public IReadOnlyList<IReadOnlyList<string>> DeletionLayers { get; }

    public IReadOnlyList<CompiledStatusField> StatusFields { get; }

    /// <summary>Custom condition expressions from <c>schema.status.conditions</c>.</summary>
    public IReadOnlyList<CompiledExpression> Conditions { get; }

    /// <summary>A copy of the instance CRD (<c>apiextensions.k8s.io/v1</c>).</summary>
    public JsonObject InstanceCrd() => _instanceCrd.DeepClone().AsObject();

    public CompiledNode Node(string id) => _byId[id];

    /// <summary>The nodes <paramref name="id"/> depends on directly.</summary>
    public IReadOnlyList<string> DependenciesOf(string id) => _byId[id].Dependencies;
}
