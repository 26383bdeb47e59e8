using System.Text.Json.Nodes;
using OciOperator.Cel;
using OciOperator.Cel.Common;
using OciOperator.Cel.Values;
using OciOperator.ResourceGraph.Graph;
using OciOperator.ResourceGraph.Rendering;

namespace OciOperator.ResourceGraph.Instances;

/// <summary>
/// The per-instance runtime (kro's <c>FromGraph</c>): from a compiled graph, an instance and the observed state of its
/// children, computes in one pure pass which nodes are included, which are resolvable (every dependency ready), their
/// desired objects, readiness, the status projection and the author conditions. The graph is never modified.
/// </summary>
public static partial class InstanceRuntime
{
    /// <summary>kro's default <c>--rgd-max-collection-size</c>.</summary>
    public const int MaxCollectionSize = 1000;

    public static InstanceRun Run(CompiledGraph graph, JsonObject instance, ObservedState observed, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(graph);
        ArgumentNullException.ThrowIfNull(instance);
        ArgumentNullException.ThrowIfNull(observed);
        var prepared = InstanceRenderer.PrepareInstance(graph, instance);
        var specSchema = graph.InstanceCrd()["spec"]?["versions"]?[0]?["schema"]?["openAPIV3Schema"]?["properties"]?["spec"] as JsonObject;
        var missing = RequiredFields.Missing(prepared["spec"], specSchema, "spec");
        if (missing.Count > 0)
        {
            return new InstanceRun(prepared, [], [], [], [], [], [.. missing.Select(m => $"{m}: Required value")]);
        }

        var run = new RunContext(graph, prepared, observed);
        var nodes = new List<NodeRun>(graph.Nodes.Count);
        foreach (var node in graph.Nodes)
        {
            var nodeRun = RunNode(run, node, ct);
            run.Outcomes[node.Id] = nodeRun.Outcome;
            nodes.Add(nodeRun);
        }

        var (status, statusPending) = ProjectStatus(run, ct);
        // runtime.condition(schema, ...) reads kro's built-in conditions as this run computes them.
        var withStatus = prepared.DeepClone().AsObject();
        var currentStatus = instance["status"]?.DeepClone() as JsonObject ?? [];
        currentStatus["conditions"] = BuiltInConditions(nodes);
        withStatus["status"] = currentStatus;

        var (conditions, conditionErrors) = AuthorConditions(run, withStatus, ct);
        return new InstanceRun(prepared, nodes, status, statusPending, conditions, conditionErrors, []);
    }

    private static JsonArray BuiltInConditions(List<NodeRun> nodes)
    {
        var failed = nodes.Any(n => n.Outcome is NodeOutcome.Failed);
        var ready = !failed && nodes.All(n => n.Outcome is NodeOutcome.Ready or NodeOutcome.Excluded);
        var resources = ready ? "True" : "False";
        var reason = ready ? InstanceConditions.AllResourcesReady : InstanceConditions.NotReady;
        JsonObject Condition(string type, string status, string why) => new() { ["type"] = type, ["status"] = status, ["reason"] = why, ["message"] = string.Empty };
        return
        [
            Condition(InstanceConditions.InstanceManaged, "True", InstanceConditions.Managed),
            Condition(InstanceConditions.GraphResolved, "True", InstanceConditions.Resolved),
            Condition(InstanceConditions.ResourcesReady, resources, reason),
            Condition(InstanceConditions.Ready, resources, reason),
        ];
    }

    private static (JsonObject Status, List<string> Pending) ProjectStatus(RunContext run, CancellationToken ct)
    {
        var status = new JsonObject();
        var pending = new List<string>();

        // The expressions inside one list make one field: it appears only when every one of them resolved.
        foreach (var group in run.Graph.StatusFields.GroupBy(f => ListRoot(f.Path), StringComparer.Ordinal))
        {
            var results = group.Select(field => (field.Path, Result: Evaluate(run, field.Expression, run.Variables, ct))).ToList();
            var problems = results.Where(r => !r.Result.Ok).Select(r => $"status.{r.Path}: {r.Result.Problem}").ToList();
            if (problems.Count > 0)
            {
                pending.AddRange(problems);
                continue;
            }

            foreach (var (path, result) in results.Where(r => !r.Result.Omit))
            {
                JsonPaths.Set(status, path, result.Value);
            }
        }

        return (status, pending);
    }

    /// <summary>The path up to its first list index (the whole path when it has none).</summary>
    private static string ListRoot(FieldPath path)
    {
        var index = path.Segments.IndexOf(path.Segments.FirstOrDefault(s => s.Key is null));
        return index <= 0 || path.Segments[index].Key is not null ? path.ToString() : new FieldPath(path.Segments[..index]).ToString() + "[]";
    }

    private static (List<JsonObject> Conditions, List<string> Errors) AuthorConditions(RunContext run, JsonObject schema, CancellationToken ct)
    {
        var conditions = new List<JsonObject>();
        var errors = new List<string>();
        var variables = new Dictionary<string, object?>(run.Variables, StringComparer.Ordinal) { ["schema"] = schema };
        foreach (var expression in run.Graph.Conditions)
        {
            var result = Evaluate(run, expression, variables, ct);
            if (result.Pending)
            {
                continue;
            }

            if (!result.Ok || result.Value is not JsonObject condition)
            {
                errors.Add($"condition {expression.Source}: {result.Problem ?? "not a condition"}");
                continue;
            }

            var type = condition["type"]?.GetValue<string>() ?? string.Empty;
            if (conditions.Exists(c => c["type"]?.GetValue<string>() == type))
            {
                errors.Add($"condition type \"{type}\" is produced by more than one conditions entry");
                continue;
            }

            conditions.Add(condition);
        }

        return (conditions, errors);
    }

    private static Evaluation Evaluate(RunContext run, CompiledExpression expression, IReadOnlyDictionary<string, object?> variables, CancellationToken ct)
    {
        foreach (var reference in expression.References)
        {
            if (!variables.ContainsKey(reference))
            {
                return Evaluation.Waiting(run.Outcomes.TryGetValue(reference, out var o) && o is NodeOutcome.Excluded
                    ? $"resource {reference} is excluded"
                    : $"resource {reference} is not observed yet");
            }
        }

        var result = expression.Program.Evaluate(new CelActivation(variables, run.Graph.VariableTypes), ct);
        if (result is OmitValue)
        {
            return Evaluation.Omitted;
        }

        if (result is ErrorValue error)
        {
            return InstanceRenderer.IsDataPending(error.Message)
                ? Evaluation.Waiting($"{expression.Source}: {error.Message}")
                : Evaluation.Error($"{expression.Source}: {error.Message}");
        }

        try
        {
            return Evaluation.Of(CelJson.ToNode(result));
        }
        catch (CelEvaluationException e)
        {
            return Evaluation.Error($"{expression.Source}: {e.Message}");
        }
    }
}
