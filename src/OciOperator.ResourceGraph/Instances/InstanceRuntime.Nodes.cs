using System.Text.Json.Nodes;
using OciOperator.ResourceGraph.Graph;
using OciOperator.ResourceGraph.Rendering;

namespace OciOperator.ResourceGraph.Instances;

/// <summary>One node: exclusion, dependency gating, forEach expansion, template resolution and readiness.</summary>
public static partial class InstanceRuntime
{
    private static readonly Dictionary<string, object?> NoIterators = new(StringComparer.Ordinal);

    private static NodeRun RunNode(RunContext run, CompiledNode node, CancellationToken ct)
    {
        if (node.Dependencies.FirstOrDefault(d => run.Outcomes[d] is NodeOutcome.Excluded) is { } excludedBy)
        {
            return new NodeRun(node, new NodeOutcome.Excluded($"depends on excluded resource {excludedBy}"), []);
        }

        foreach (var condition in node.IncludeWhen)
        {
            var notReady = NotReady(run, condition.References);
            if (notReady.Count > 0)
            {
                return new NodeRun(node, new NodeOutcome.WaitingOnDependency(notReady), []);
            }

            var result = Evaluate(run, condition, run.Variables, ct);
            if (!result.Ok)
            {
                return new NodeRun(node, result.Pending ? new NodeOutcome.WaitingOnData("includeWhen", result.Problem!) : new NodeOutcome.Failed($"includeWhen {result.Problem}"), []);
            }

            if (result.Value is not JsonValue v || !v.TryGetValue<bool>(out var included) || !included)
            {
                return new NodeRun(node, new NodeOutcome.Excluded($"includeWhen {condition.Source} is false"), []);
            }
        }

        var waitingOn = NotReady(run, node.Dependencies);
        if (waitingOn.Count > 0)
        {
            return new NodeRun(node, new NodeOutcome.WaitingOnDependency(waitingOn), []);
        }

        var combinations = Combinations(run, node, ct, out var forEachOutcome);
        if (forEachOutcome is not null)
        {
            return new NodeRun(node, forEachOutcome, []);
        }

        var desired = new List<JsonObject>(combinations.Count);
        foreach (var iterators in combinations)
        {
            var (obj, outcome) = Resolve(run, node, iterators, ct);
            if (outcome is not null)
            {
                return new NodeRun(node, outcome, []);
            }

            desired.Add(obj);
        }

        if (node.IsCollection && desired.GroupBy(ObjectKey.Of).FirstOrDefault(g => g.Count() > 1) is { } collision)
        {
            return new NodeRun(node, new NodeOutcome.Failed($"collection items collide: more than one item is named {collision.Key}"), []);
        }

        return new NodeRun(node, Readiness(run, node, desired, ct), desired);
    }

    private static List<string> NotReady(RunContext run, IEnumerable<string> ids) =>
        [.. ids.Where(id => run.Outcomes.TryGetValue(id, out var o) && o is not (NodeOutcome.Ready or NodeOutcome.Excluded)).Distinct(StringComparer.Ordinal)];

    private static List<Dictionary<string, object?>> Combinations(RunContext run, CompiledNode node, CancellationToken ct, out NodeOutcome? outcome)
    {
        outcome = null;
        var combinations = new List<Dictionary<string, object?>> { new(StringComparer.Ordinal) };
        foreach (var dimension in node.ForEach)
        {
            var result = Evaluate(run, dimension.Expression, run.Variables, ct);
            if (!result.Ok)
            {
                outcome = result.Pending ? new NodeOutcome.WaitingOnData($"forEach {dimension.Name}", result.Problem!) : new NodeOutcome.Failed($"forEach {dimension.Name}: {result.Problem}");
                return [];
            }

            if (result.Value is not JsonArray items)
            {
                outcome = new NodeOutcome.Failed($"forEach {dimension.Name}: {dimension.Expression.Source} is not a list");
                return [];
            }

            combinations = [.. combinations.SelectMany(c => items.Select(item => new Dictionary<string, object?>(c, StringComparer.Ordinal) { [dimension.Name] = item?.DeepClone() }))];
            if (combinations.Count > MaxCollectionSize)
            {
                outcome = new NodeOutcome.Failed($"collection size of {combinations.Count} is over the maximum collection size of {MaxCollectionSize}");
                return [];
            }
        }

        return combinations;
    }

    private static (JsonObject Object, NodeOutcome? Outcome) Resolve(RunContext run, CompiledNode node, Dictionary<string, object?> iterators, CancellationToken ct)
    {
        var obj = node.Template.DeepClone().AsObject();
        if (node.ExternalRef?.Selector is { } selector && obj["metadata"] is JsonObject refMetadata && refMetadata["selector"] is null)
        {
            // The compiled reference holds name and namespace; the selector's literal parts come from the RGD (its expressions are set below).
            refMetadata["selector"] = selector.DeepClone();
        }

        var variables = iterators.Count == 0 ? run.Variables : new Dictionary<string, object?>(run.Variables, StringComparer.Ordinal);
        foreach (var (name, value) in iterators)
        {
            ((Dictionary<string, object?>)variables)[name] = value;
        }

        var omitted = new List<FieldPath>();
        foreach (var field in node.Fields)
        {
            var result = Evaluate(run, field.Expression, variables, ct);
            if (result.Omit)
            {
                omitted.Add(field.Path);
            }
            else if (result.Ok)
            {
                InstanceRenderer.Set(obj, field.Path, result.Value);
            }
            else
            {
                return (obj, result.Pending ? new NodeOutcome.WaitingOnData(field.Path.ToString(), result.Problem!) : new NodeOutcome.Failed($"{field.Path}: {result.Problem}"));
            }
        }

        foreach (var path in Enumerable.Reverse(omitted))
        {
            InstanceRenderer.Remove(obj, path);
        }

        if (node.Namespaced && node.Kind != NodeKind.ExternalRefSelector && obj["metadata"] is JsonObject metadata
            && string.IsNullOrEmpty(metadata["namespace"]?.GetValue<string>()) && run.InstanceNamespace is { } ns)
        {
            metadata["namespace"] = ns;
        }

        if (node.Namespaced && node.Kind != NodeKind.ExternalRefSelector && string.IsNullOrEmpty(obj["metadata"]?["namespace"]?.GetValue<string>()))
        {
            return (obj, new NodeOutcome.Failed($"metadata.namespace: a namespaced {node.Gvk.Kind} needs a namespace when the instance is cluster-scoped"));
        }

        return (obj, null);
    }

    private static NodeOutcome Readiness(RunContext run, CompiledNode node, List<JsonObject> desired, CancellationToken ct)
    {
        if (node.Kind == NodeKind.ExternalRefSelector)
        {
            var reference = Describe(node, desired[0]);
            if (!run.Observed.Has(node.Id))
            {
                return new NodeOutcome.WaitingOnReadiness(reference, "the matching objects are not listed yet");
            }

            var matches = run.Observed.Of(node.Id);
            run.Variables[node.Id] = new JsonArray([.. matches.Select(m => (JsonNode)m.DeepClone())]);
            return ItemsReady(run, node, matches, ct);
        }

        var observed = new List<JsonObject>(desired.Count);
        NodeOutcome? waiting = null;
        foreach (var item in desired)
        {
            if (run.Observed.Find(node.Id, item) is { } found)
            {
                observed.Add(found);
            }
            else
            {
                waiting ??= new NodeOutcome.WaitingOnReadiness(Describe(node, item),
                    node.Kind == NodeKind.ExternalRef ? "the external object does not exist" : "the object does not exist yet");
            }
        }

        if (node.IsCollection)
        {
            run.Variables[node.Id] = new JsonArray([.. observed.Select(o => (JsonNode)o.DeepClone())]);
            return waiting ?? ItemsReady(run, node, observed, ct);
        }

        if (waiting is not null)
        {
            return waiting;
        }

        run.Variables[node.Id] = observed[0];
        var variables = new Dictionary<string, object?>(StringComparer.Ordinal) { [node.Id] = observed[0] };
        return ReadyWhen(run, node, observed[0], variables, ct);
    }

    private static NodeOutcome ItemsReady(RunContext run, CompiledNode node, IReadOnlyList<JsonObject> items, CancellationToken ct)
    {
        foreach (var item in items)
        {
            var outcome = ReadyWhen(run, node, item, new Dictionary<string, object?>(StringComparer.Ordinal) { ["each"] = item }, ct);
            if (outcome is not NodeOutcome.Ready)
            {
                return outcome;
            }
        }

        return new NodeOutcome.Ready();
    }

    private static NodeOutcome ReadyWhen(RunContext run, CompiledNode node, JsonObject observed, Dictionary<string, object?> variables, CancellationToken ct)
    {
        foreach (var condition in node.ReadyWhen)
        {
            var result = Evaluate(run, condition, variables, ct);
            if (result.Ok && result.Value is JsonValue v && v.TryGetValue<bool>(out var ready) && ready)
            {
                continue;
            }

            if (result.Ok || result.Pending)
            {
                return new NodeOutcome.WaitingOnReadiness(Describe(node, observed), $"readyWhen {condition.Source} is not true yet");
            }

            return new NodeOutcome.Failed($"readyWhen {result.Problem}");
        }

        return new NodeOutcome.Ready();
    }

    /// <summary><c>Kind namespace/name</c> of an object of <paramref name="node"/>.</summary>
    internal static string Describe(CompiledNode node, JsonObject obj) => $"{node.Gvk.Kind} {ObjectKey.Of(obj)}";
}
