using System.Text.Json.Nodes;
using OciOperator.ResourceGraph.Graph;

namespace OciOperator.ResourceGraph.Rendering;

/// <summary>What a render has so far: the variables (schema and rendered resources), excluded and external ids.</summary>
internal sealed class RenderContext(CompiledGraph graph, JsonObject instance)
{
    public CompiledGraph Graph { get; } = graph;

    public Dictionary<string, object?> Variables { get; } = new(StringComparer.Ordinal) { ["schema"] = instance };

    public HashSet<string> Excluded { get; } = new(StringComparer.Ordinal);

    public HashSet<string> External { get; } = new(StringComparer.Ordinal);
}
