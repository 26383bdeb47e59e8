using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging;
using OciOperator.ResourceGraph.Graph;

namespace OciOperator.ResourceGraph.Instances;

/// <summary>
/// <c>resources[].externalFields</c> at run time (kro v0.10): a listed field is applied like any other until a
/// <em>different</em> field manager is seen owning it (or something below it) in the live object's
/// <c>managedFields</c> — an HPA scaling a Deployment through <c>/scale</c>, a rollout controller editing a selector.
/// From then on the field is left out of kro's apply, so the two controllers do not fight, while the first apply
/// still sets the initial value (releasing it earlier would leave it unowned and SSA would drop it).
/// </summary>
public static class ExternalFields
{
    /// <summary>
    /// <paramref name="desired"/> without the node's external fields that another manager owns on
    /// <paramref name="current"/>; the same object when nothing is handed off (never modified in place).
    /// </summary>
    public static JsonObject Omit(CompiledNode node, JsonObject desired, JsonObject? current, ILogger logger)
    {
        ArgumentNullException.ThrowIfNull(logger);
        ArgumentNullException.ThrowIfNull(node);
        ArgumentNullException.ThrowIfNull(desired);
        if (node.ExternalFields.Count == 0 || current?["metadata"]?["managedFields"] is not JsonArray managedFields)
        {
            return desired;
        }

        var handedOff = node.ExternalFields.Where(path => OwnedByAnother(managedFields, path)).ToList();
        if (handedOff.Count == 0)
        {
            return desired;
        }

        var result = desired.DeepClone().AsObject();
        foreach (var path in handedOff)
        {
            ChildLifecycleLog.HandedOff(logger, node.Gvk.Kind, ObjectKey.Of(desired).ToString(), path.ToString());
            Remove(result, path);
        }

        return result;
    }

    /// <summary>Whether a manager other than kro's owns <paramref name="path"/> or a field below it.</summary>
    public static bool OwnedByAnother(JsonArray managedFields, FieldPath path)
    {
        ArgumentNullException.ThrowIfNull(managedFields);
        ArgumentNullException.ThrowIfNull(path);
        foreach (var entry in managedFields.OfType<JsonObject>())
        {
            if (entry["manager"] is JsonValue manager && manager.TryGetValue<string>(out var name) && name == KroMetadata.FieldManager)
            {
                continue;
            }

            JsonNode? fields = entry["fieldsV1"];
            foreach (var segment in path.Segments)
            {
                fields = fields?["f:" + segment.Key];
            }

            if (fields is not null)
            {
                return true;
            }
        }

        return false;
    }

    private static void Remove(JsonObject obj, FieldPath path)
    {
        JsonObject? parent = obj;
        for (var i = 0; i < path.Segments.Length - 1 && parent is not null; i++)
        {
            parent = parent[path.Segments[i].Key!] as JsonObject;
        }

        parent?.Remove(path.Segments[^1].Key!);
    }
}
