using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging;
using OciOperator.ResourceGraph.Api;
using OciOperator.ResourceGraph.Graph;
using OciOperator.Runtime.Reconciliation;

namespace OciOperator.ResourceGraph.Instances;

/// <summary>
/// The deletion policy at run time — <c>resources[].deletionPolicy</c> (kro v0.10) or the template annotation
/// <c>kro.run/deletion-policy</c> (kro's current form), resolved when the graph is built. The policy travels on the child as the annotation
/// <c>internal.kro.run/deletion-policy</c>, so every path that removes a child — instance deletion, the node leaving
/// the RGD, <c>includeWhen</c> turning false, a <c>forEach</c> shrinking — decides from the object itself without
/// evaluating the graph: <c>Orphaned</c> children are released (kro's labels and annotations, the ApplySet
/// <c>part-of</c> label and our field manager's ownership removed; every other field left as it is), all others deleted.
/// A released child no longer matches any instance's selector, so a later instance can adopt it.
/// </summary>
public static class DeletionPolicies
{
    public const string Annotation = "internal.kro.run/deletion-policy";

    /// <summary>The labels kro writes on a child (removed on release; a template cannot set them).</summary>
    private static readonly string[] KroLabels =
    [
        KroMetadata.Owned, KroMetadata.KroVersionLabel, KroMetadata.InstanceId, KroMetadata.InstanceName, KroMetadata.InstanceNamespace,
        KroMetadata.InstanceGroup, KroMetadata.InstanceVersion, KroMetadata.InstanceKind, KroMetadata.NodeId, KroMetadata.CollectionIndex,
        KroMetadata.CollectionSize, KroMetadata.ApplySetPartOf,
    ];

    /// <summary>Records the node's policy on a child's annotations (nothing when the RGD does not set one: deletion is the default).</summary>
    public static void Stamp(JsonObject annotations, CompiledNode node)
    {
        ArgumentNullException.ThrowIfNull(annotations);
        ArgumentNullException.ThrowIfNull(node);
        if (node.DeletionPolicy != RgdDeletionPolicy.Unset)
        {
            annotations[Annotation] = node.DeletionPolicy.ToString();
        }
    }

    /// <summary>Whether the child asks to be released rather than deleted.</summary>
    public static bool IsOrphaned(JsonObject child) =>
        child?["metadata"]?["annotations"]?[Annotation] is JsonValue v && v.TryGetValue<string>(out var policy) && policy == nameof(RgdDeletionPolicy.Orphaned);

    /// <summary>Removes a child kro no longer wants, as its policy says; <see cref="ChildRemoval.Gone"/> when it was already gone.</summary>
    public static async Task<ChildRemoval> RemoveAsync(IChildApi api, ResourceType type, JsonObject child, ILogger logger, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(logger);
        ArgumentNullException.ThrowIfNull(api);
        ArgumentNullException.ThrowIfNull(child);
        var key = ObjectKey.Of(child);
        var ns = key.Namespace.Length == 0 ? null : key.Namespace;
        if (IsOrphaned(child))
        {
            await api.MergePatchAsync(type, ns, key.Name, ReleasePatch(child), ct).ConfigureAwait(false);
            ChildLifecycleLog.Released(logger, type.Kind, key.ToString());
            return ChildRemoval.Released;
        }

        return await api.DeleteAsync(type, ns, key.Name, child["metadata"]?["uid"]?.GetValue<string>(), ct).ConfigureAwait(false)
            ? ChildRemoval.Deleted
            : ChildRemoval.Gone;
    }

    /// <summary>
    /// The JSON merge patch that releases <paramref name="child"/>: kro's labels and every <c>internal.kro.run/</c>
    /// annotation set to null, and <c>managedFields</c> without our field manager's entries (<c>[{}]</c> clears them
    /// when none remain), guarded by the child's uid and resourceVersion.
    /// </summary>
    public static JsonObject ReleasePatch(JsonObject child)
    {
        ArgumentNullException.ThrowIfNull(child);
        var metadata = child["metadata"] as JsonObject ?? [];
        var labels = new JsonObject();
        foreach (var key in KroLabels.Where(k => metadata["labels"]?[k] is not null))
        {
            labels[key] = null;
        }

        if (metadata["labels"]?[KroMetadata.ManagedBy] is JsonValue managedBy && managedBy.TryGetValue<string>(out var by) && by == "kro")
        {
            labels[KroMetadata.ManagedBy] = null;
        }

        var annotations = new JsonObject();
        foreach (var (key, _) in metadata["annotations"] as JsonObject ?? [])
        {
            if (key.StartsWith(Validation.ReservedMetadataKeys.InternalPrefix, StringComparison.Ordinal))
            {
                annotations[key] = null;
            }
        }

        var others = (metadata["managedFields"] as JsonArray ?? []).OfType<JsonObject>()
            .Where(f => f["manager"]?.GetValue<string>() != KroMetadata.FieldManager)
            .Select(f => (JsonNode)f.DeepClone())
            .ToList();
        return new JsonObject
        {
            ["metadata"] = new JsonObject
            {
                ["uid"] = metadata["uid"]?.DeepClone(),
                ["resourceVersion"] = metadata["resourceVersion"]?.DeepClone(),
                ["labels"] = labels,
                ["annotations"] = annotations,
                ["managedFields"] = others.Count > 0 ? new JsonArray([.. others]) : new JsonArray(new JsonObject()),
            },
        };
    }
}
