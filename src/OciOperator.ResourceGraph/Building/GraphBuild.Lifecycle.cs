using System.Text.Json.Nodes;
using OciOperator.ResourceGraph.Api;
using OciOperator.ResourceGraph.Diagnostics;
using OciOperator.ResourceGraph.Graph;

namespace OciOperator.ResourceGraph.Building;

/// <summary>
/// Stage 2b: a resource's lifecycle fields (kro v0.10) — <c>externalFields</c> paths must name a key of the literal
/// template through maps only (no list on the way, no identity fields). Template-only rules and the
/// <c>deletionPolicy</c> values are admission rules checked by <see cref="RgdReader"/>; the
/// <c>kro.run/deletion-policy</c> template annotation is read in <c>GraphBuild.DeletionPolicy.cs</c>.
/// </summary>
internal sealed partial class GraphBuild
{
    private static readonly HashSet<string> IdentityPaths = ["apiVersion", "kind", "metadata", "metadata.name", "metadata.namespace"];

    private void CheckExternalFields(ResourceDraft draft)
    {
        var resource = draft.Resource;
        if (resource.Template is not { } template)
        {
            return;
        }

        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < resource.ExternalFields.Count; i++)
        {
            var text = resource.ExternalFields[i];
            var where = $"{resource.Path}.externalFields[{i}]";
            if (!seen.Add(text))
            {
                _errors.Add(GraphErrorGroup.Naming, draft.Id, where, $"resource \"{draft.Id}\": duplicate externalFields path \"{text}\"");
                continue;
            }

            if (ExternalFieldProblem(template, text) is { } problem)
            {
                _errors.Add(GraphErrorGroup.Naming, draft.Id, where, $"resource \"{draft.Id}\": invalid externalFields path \"{text}\": {problem}");
            }
        }
    }

    /// <summary>Why <paramref name="text"/> cannot be handed off, or null when it names a key of the literal template.</summary>
    internal static string? ExternalFieldProblem(JsonObject template, string text)
    {
        var segments = text.Split('.');
        if (text.Length == 0 || segments.Any(s => s.Length == 0))
        {
            return "must be a dotted path of map keys, e.g. spec.replicas";
        }

        if (IdentityPaths.Contains(text))
        {
            return "the object's identity cannot be handed to another controller";
        }

        JsonNode? node = template;
        var walked = FieldPath.Root;
        foreach (var segment in segments)
        {
            switch (node)
            {
                case JsonObject map when map.TryGetPropertyValue(segment, out var child):
                    node = child;
                    walked = walked.Key(segment);
                    break;
                case JsonObject:
                    return $"path does not exist in the template (no key \"{segment}\"{(walked.Segments.Length == 0 ? string.Empty : $" under {walked}")})";
                case JsonArray:
                    return $"path crosses a list at {walked}: a list can be handed off only as a whole";
                default:
                    return $"path does not exist in the template ({walked} is not a map)";
            }
        }

        return null;
    }

    /// <summary>The handed-off paths as field paths (valid ones only; the build fails on any invalid one).</summary>
    private static IReadOnlyList<FieldPath> ExternalFieldPaths(RgdResource resource) =>
        [.. resource.ExternalFields.Distinct(StringComparer.Ordinal).Select(p => p.Split('.').Aggregate(FieldPath.Root, (path, key) => path.Key(key)))];
}
