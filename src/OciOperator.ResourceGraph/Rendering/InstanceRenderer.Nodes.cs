using System.Text.Json.Nodes;
using OciOperator.ResourceGraph.Graph;

namespace OciOperator.ResourceGraph.Rendering;

/// <summary>Rendering one node: includeWhen, forEach expansion, fields.</summary>
public static partial class InstanceRenderer
{
    private const int MaxItems = 1000;

    private static IEnumerable<RenderedResource> RenderNode(RenderContext state, CompiledNode node, CancellationToken ct)
    {
        if (node.Dependencies.FirstOrDefault(state.Excluded.Contains) is { } excludedBy)
        {
            state.Excluded.Add(node.Id);
            return [new RenderedResource(node.Id, RenderState.Excluded, null, [], $"depends on excluded resource {excludedBy}")];
        }

        foreach (var condition in node.IncludeWhen)
        {
            var result = Evaluate(state, condition, new Dictionary<string, object?>(), ct);
            if (result.Problem is not null)
            {
                return [new RenderedResource(node.Id, result.Pending ? RenderState.Pending : RenderState.Error, null,
                    result.Pending ? [$"includeWhen: {result.Problem}"] : [], result.Pending ? null : $"includeWhen: {result.Problem}")];
            }

            if (result.Value is not JsonValue v || !v.TryGetValue<bool>(out var included) || !included)
            {
                state.Excluded.Add(node.Id);
                return [new RenderedResource(node.Id, RenderState.Excluded, null, [], $"includeWhen {condition.Source} is false")];
            }
        }

        var combinations = Combinations(state, node, ct, out var problem);
        if (problem is not null)
        {
            return [new RenderedResource(node.Id, RenderState.Error, null, [], problem)];
        }

        var rendered = combinations.Select(iterators => RenderObject(state, node, iterators, ct)).ToList();
        if (node.Kind != NodeKind.Template)
        {
            state.External.Add(node.Id);
        }

        state.Variables[node.Id] = node.IsCollection || node.Kind == NodeKind.ExternalRefSelector
            ? new JsonArray([.. rendered.Select(r => (JsonNode?)r.Object?.DeepClone())])
            : rendered[0].Object?.DeepClone();
        return rendered;
    }

    private static List<Dictionary<string, object?>> Combinations(RenderContext state, CompiledNode node, CancellationToken ct, out string? problem)
    {
        problem = null;
        var combinations = new List<Dictionary<string, object?>> { new(StringComparer.Ordinal) };
        foreach (var dimension in node.ForEach)
        {
            var result = Evaluate(state, dimension.Expression, new Dictionary<string, object?>(), ct);
            if (result.Problem is not null || result.Value is not JsonArray items)
            {
                problem = $"forEach {dimension.Name}: {result.Problem ?? "not a list"}";
                return [];
            }

            combinations = [.. combinations.SelectMany(c => items.Select(item => new Dictionary<string, object?>(c, StringComparer.Ordinal) { [dimension.Name] = item?.DeepClone() }))];
            if (combinations.Count > MaxItems)
            {
                problem = $"forEach produces more than {MaxItems} objects";
                return [];
            }
        }

        return combinations;
    }

    private static RenderedResource RenderObject(RenderContext state, CompiledNode node, Dictionary<string, object?> iterators, CancellationToken ct)
    {
        var obj = node.Template.DeepClone().AsObject();
        var waiting = new List<string>();
        string? error = null;
        var omitted = new List<FieldPath>();
        foreach (var field in node.Fields)
        {
            var result = Evaluate(state, field.Expression, iterators, ct);
            if (result.Omit)
            {
                omitted.Add(field.Path);
            }
            else if (result.Problem is null)
            {
                Set(obj, field.Path, result.Value);
            }
            else if (result.Pending)
            {
                waiting.Add($"{field.Path}: {result.Problem}");
            }
            else
            {
                error ??= $"{field.Path}: {result.Problem}";
            }
        }

        foreach (var path in Enumerable.Reverse(omitted))
        {
            Remove(obj, path);
        }

        if (node.Kind != NodeKind.Template)
        {
            waiting.Add("the object is read from the cluster (externalRef)");
        }

        var stateOf = error is not null ? RenderState.Error : waiting.Count > 0 ? RenderState.Pending : RenderState.Rendered;
        return new RenderedResource(node.Id, stateOf, obj, waiting, error);
    }

    internal static void Set(JsonObject root, FieldPath path, JsonNode? value)
    {
        JsonNode current = root;
        var segments = path.Segments;
        for (var i = 0; i < segments.Length; i++)
        {
            var segment = segments[i];
            var last = i == segments.Length - 1;
            if (segment.Key is { } key)
            {
                var map = (JsonObject)current;
                if (last)
                {
                    map[key] = value?.DeepClone();
                    return;
                }

                map[key] ??= segments[i + 1].Key is null ? new JsonArray() : new JsonObject();
                current = map[key]!;
            }
            else
            {
                var list = (JsonArray)current;
                if (last)
                {
                    list[segment.Index] = value?.DeepClone();
                    return;
                }

                current = list[segment.Index]!;
            }
        }
    }

    internal static void Remove(JsonObject root, FieldPath path)
    {
        JsonNode? current = root;
        var segments = path.Segments;
        for (var i = 0; i < segments.Length - 1 && current is not null; i++)
        {
            current = segments[i].Key is { } key ? current[key] : current[segments[i].Index];
        }

        var final = segments[^1];
        if (final.Key is { } k && current is JsonObject map)
        {
            map.Remove(k);
        }
        else if (current is JsonArray list && final.Index < list.Count)
        {
            list.RemoveAt(final.Index);
        }
    }
}
