using System.Text.Json.Nodes;
using OciOperator.Cel;
using OciOperator.Cel.Common;
using OciOperator.Cel.Values;
using OciOperator.ResourceGraph.Graph;

namespace OciOperator.ResourceGraph.Rendering;

/// <summary>
/// Renders what an instance would produce, offline (<c>rgd render</c>): spec defaults applied, resources in topological
/// order with includeWhen and forEach evaluated, every field whose expression can be resolved without a cluster
/// filled in. A field that reads data only a cluster has (another resource's status, an external object) keeps its
/// <c>${...}</c> text and is listed as waiting, as kro treats such errors as "data pending".
/// </summary>
public static partial class InstanceRenderer
{
    public static RenderResult Render(CompiledGraph graph, JsonObject instance, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(graph);
        ArgumentNullException.ThrowIfNull(instance);
        var prepared = PrepareInstance(graph, instance);
        var specSchema = graph.InstanceCrd()["spec"]?["versions"]?[0]?["schema"]?["openAPIV3Schema"]?["properties"]?["spec"] as JsonObject;
        var missing = RequiredFields.Missing(prepared["spec"], specSchema, "spec");
        if (missing.Count > 0)
        {
            return new RenderResult(prepared, [], [], [], [.. missing.Select(m => $"{m}: Required value")]);
        }

        var state = new RenderContext(graph, prepared);
        var resources = new List<RenderedResource>();
        foreach (var node in graph.Nodes)
        {
            resources.AddRange(RenderNode(state, node, ct));
        }

        var status = new JsonObject();
        var waiting = new List<string>();
        foreach (var field in graph.StatusFields)
        {
            var result = Evaluate(state, field.Expression, new Dictionary<string, object?>(), ct);
            if (result.Problem is null)
            {
                Set(status, field.Path, result.Value);
            }
            else
            {
                waiting.Add($"status.{field.Path}: {result.Problem}");
            }
        }

        return new RenderResult(prepared, resources, status, waiting, []);
    }

    internal static JsonObject PrepareInstance(CompiledGraph graph, JsonObject instance)
    {
        var copy = instance.DeepClone().AsObject();
        var metadata = copy["metadata"] as JsonObject ?? [];
        copy["metadata"] = metadata;
        if (graph.Schema.Scope != "Cluster" && metadata["namespace"] is null)
        {
            metadata["namespace"] = "default";
        }

        var specSchema = graph.InstanceCrd()["spec"]?["versions"]?[0]?["schema"]?["openAPIV3Schema"]?["properties"]?["spec"] as JsonObject;
        if (copy["spec"] is null && specSchema?["default"] is { } specDefault)
        {
            copy["spec"] = specDefault.DeepClone();
        }

        SchemaDefaulter.Apply(copy["spec"], specSchema);
        copy.Remove("status");
        return copy;
    }

    /// <summary>Data a cluster would provide: kro treats these evaluation errors as "not yet available".</summary>
    internal static bool IsDataPending(string message) =>
        message.Contains("no such key", StringComparison.Ordinal) || message.Contains("no such field", StringComparison.Ordinal)
        || message.Contains("no such attribute", StringComparison.Ordinal) || message.Contains("index out of bounds", StringComparison.Ordinal)
        || message.Contains("index out of range", StringComparison.Ordinal);

    private static (JsonNode? Value, bool Omit, string? Problem, bool Pending) Evaluate(
        RenderContext state, CompiledExpression expression, IReadOnlyDictionary<string, object?> iterators, CancellationToken ct)
    {
        foreach (var reference in expression.References)
        {
            if (state.Excluded.Contains(reference))
            {
                return (null, false, $"resource {reference} is excluded", true);
            }

            if (state.External.Contains(reference))
            {
                return (null, false, $"{expression.Source} reads external object {reference}, which only a cluster has", true);
            }
        }

        var variables = new Dictionary<string, object?>(state.Variables, StringComparer.Ordinal);
        foreach (var (name, value) in iterators)
        {
            variables[name] = value;
        }

        var result = expression.Program.Evaluate(new CelActivation(variables, state.Graph.VariableTypes), ct);
        if (result is OmitValue)
        {
            return (null, true, null, false);
        }

        if (result is ErrorValue error)
        {
            var pending = IsDataPending(error.Message);
            return (null, false, pending ? $"{expression.Source} waits on a cluster value ({error.Message})" : $"{expression.Source}: {error.Message}", pending);
        }

        try
        {
            return (CelJson.ToNode(result), false, null, false);
        }
        catch (CelEvaluationException e)
        {
            return (null, false, $"{expression.Source}: {e.Message}", false);
        }
    }
}
