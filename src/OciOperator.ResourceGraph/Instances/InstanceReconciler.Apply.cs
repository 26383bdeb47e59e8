using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using OciOperator.ResourceGraph.Graph;
using OciOperator.Runtime.Client;

namespace OciOperator.ResourceGraph.Instances;

/// <summary>Applying (or reading) one node's objects, and the metadata kro puts on children and the instance.</summary>
public sealed partial class InstanceReconciler
{
    private async Task<SyncProblem?> SyncNodeAsync(JsonObject instance, NodeRun node, ObservedState observed, List<ExternalRefTarget> targets, CancellationToken ct)
    {
        var type = TypeOf(node.Node);
        if (node.Node.Kind == NodeKind.ExternalRefSelector)
        {
            var reference = node.Desired[0]["metadata"];
            var ns = type.Namespaced ? reference?["namespace"]?.GetValue<string>() : null;
            targets.Add(new ExternalRefTarget(type, ns, null));
            observed.SetEmpty(node.Id);
            foreach (var match in await ListAsync(type, ns, LabelSelectors.ToQuery(reference?["selector"] as JsonObject), ct).ConfigureAwait(false))
            {
                observed.Set(node.Id, match);
            }

            return null;
        }

        for (var i = 0; i < node.Desired.Count; i++)
        {
            var desired = node.Desired[i];
            var key = ObjectKey.Of(desired);
            var ns = key.Namespace.Length == 0 ? null : key.Namespace;
            if (node.Node.Kind == NodeKind.ExternalRef)
            {
                targets.Add(new ExternalRefTarget(type, type.Namespaced ? key.Namespace : null, key.Name));
            }

            var current = await ReadAsync(type, ns, key.Name, ct).ConfigureAwait(false);
            if (node.Node.Kind == NodeKind.ExternalRef)
            {
                if (current is not null)
                {
                    observed.Set(node.Id, current);
                }

                continue;
            }

            var decorated = ExternalFields.Omit(node.Node, Decorate(instance, node, desired, i), current, _services.Logger);
            var ours = PartOf(instance);
            var owner = current?["metadata"]?["labels"]?[KroMetadata.ApplySetPartOf]?.GetValue<string>();
            if (current is not null && owner is not null && owner != ours)
            {
                return new SyncProblem(SyncProblemKind.Error,
                    $"resource belongs to a different ApplySet: {key} ({node.Node.Gvk.Kind}) belongs to ApplySet \"{owner}\", cannot reassign to \"{ours}\"");
            }

            if (current is not null && current["metadata"]?["deletionTimestamp"] is not null)
            {
                return new SyncProblem(SyncProblemKind.Deleting, $"resource \"{key}\" ({node.Node.Gvk.Kind}, node {node.Id}) is being deleted");
            }

            if (current is not null && JsonSubset.Contains(current, decorated))
            {
                observed.Set(node.Id, current);
                continue;
            }

            try
            {
                var applied = await api.ApplyAsync(type, decorated, ct).ConfigureAwait(false);
                Wrote(type, current, applied);
                observed.Set(node.Id, applied);
                LogApplied(_services.Logger, graph.Schema.Kind, Describe(instance), node.Node.Gvk.Kind, key.ToString(), node.Id);
            }
            catch (KubeApiException e) when (IsTransient(e.StatusCode))
            {
                LogTransient(_services.Logger, graph.Schema.Kind, Describe(instance), node.Node.Gvk.Kind, key.ToString(), (int)e.StatusCode);
                return new SyncProblem(SyncProblemKind.Transient, $"{node.Id}: {node.Node.Gvk.Kind} {key}: the API server answered {(int)e.StatusCode}");
            }
            catch (KubeApiException e) when ((int)e.StatusCode is >= 400 and < 500)
            {
                return new SyncProblem(SyncProblemKind.Error, $"{node.Id}: {node.Node.Gvk.Kind} {key} was rejected: {e.Status?.Message ?? e.Message}");
            }
        }

        return null;
    }

    private static bool IsTransient(HttpStatusCode code) =>
        code is HttpStatusCode.Conflict or HttpStatusCode.TooManyRequests || (int)code >= 500;

    private JsonObject Decorate(JsonObject instance, NodeRun node, JsonObject desired, int index)
    {
        var obj = desired.DeepClone().AsObject();
        var metadata = obj["metadata"] as JsonObject ?? [];
        obj["metadata"] = metadata;
        var labels = metadata["labels"] as JsonObject ?? [];
        metadata["labels"] = labels;
        var meta = instance["metadata"]!;
        labels[KroMetadata.Owned] = "true";
        labels[KroMetadata.KroVersionLabel] = KroMetadata.KroVersion;
        labels[KroMetadata.InstanceId] = meta["uid"]?.GetValue<string>();
        if (meta["namespace"]?.GetValue<string>() is { } ns)
        {
            labels[KroMetadata.InstanceNamespace] = ns;
        }

        labels[KroMetadata.InstanceVersion] = graph.Schema.ApiVersion;
        labels[KroMetadata.InstanceKind] = graph.Schema.Kind;
        labels[KroMetadata.ManagedBy] = "kro";
        labels[KroMetadata.ApplySetPartOf] = PartOf(instance);
        if (node.Node.IsCollection)
        {
            labels[KroMetadata.CollectionIndex] = index.ToString(System.Globalization.CultureInfo.InvariantCulture);
            labels[KroMetadata.CollectionSize] = node.Desired.Count.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        var annotations = metadata["annotations"] as JsonObject ?? [];
        metadata["annotations"] = annotations;
        annotations[KroMetadata.ApplyOrder] = graph.Nodes.ToList().FindIndex(n => n.Id == node.Id).ToString(System.Globalization.CultureInfo.InvariantCulture);
        ManagedLabels.Stamp(labels, annotations, node.Id, meta["name"]!.GetValue<string>(), graph.Schema.Group);
        DeletionPolicies.Stamp(annotations, node.Node);
        return obj;
    }

    private string PartOf(JsonObject instance) => KroMetadata.ApplySetIdOf(
        instance["metadata"]!["name"]!.GetValue<string>(), instance["metadata"]?["namespace"]?.GetValue<string>(), graph.Schema.Kind, graph.Schema.Group);

    /// <summary>The group-kinds of the current graph's templates, as the ApplySet annotation names them (<c>Kind</c> or <c>Kind.group</c>).</summary>
    private SortedSet<string> GraphGroupKinds() =>
        new(graph.Nodes.Where(n => n.Kind == NodeKind.Template).Select(n => GroupKind.Format(n.Gvk.Group, n.Gvk.Kind)), StringComparer.Ordinal);

    private static SortedSet<string> InventoryOf(JsonObject instance) =>
        GroupKind.Parse(instance["metadata"]?["annotations"]?[KroMetadata.ApplySetGroupKinds]?.GetValue<string>());

    /// <summary>
    /// Adds the finalizer, kro's instance labels and the ApplySet parent metadata when any is missing (one patch,
    /// guarded by the resourceVersion). The inventory only grows here (the union of what it listed and the current
    /// graph), so a kind that leaves the graph stays listed until its leftovers are pruned. Null on a conflict.
    /// </summary>
    private async Task<JsonObject?> EnsureManagedAsync(JsonObject instance, CancellationToken ct)
    {
        var metadata = instance["metadata"]!.AsObject();
        var finalizers = (metadata["finalizers"] as JsonArray ?? []).Select(f => f!.GetValue<string>()).ToList();
        var id = PartOf(instance);
        var inventory = InventoryOf(instance);
        var current = GraphGroupKinds();
        if (finalizers.Contains(KroMetadata.Finalizer)
            && metadata["labels"]?[KroMetadata.ApplySetId]?.GetValue<string>() == id
            && metadata["annotations"]?[KroMetadata.ApplySetTooling] is not null
            && current.IsSubsetOf(inventory))
        {
            return instance;
        }

        if (!finalizers.Contains(KroMetadata.Finalizer))
        {
            finalizers.Add(KroMetadata.Finalizer);
        }

        inventory.UnionWith(current);
        var patch = new JsonObject
        {
            ["metadata"] = new JsonObject
            {
                ["resourceVersion"] = metadata["resourceVersion"]?.GetValue<string>(),
                ["finalizers"] = new JsonArray([.. finalizers.Select(f => (JsonNode)JsonValue.Create(f))]),
                ["labels"] = new JsonObject
                {
                    [KroMetadata.Owned] = "true",
                    [KroMetadata.KroVersionLabel] = KroMetadata.KroVersion,
                    [KroMetadata.RgdName] = graph.RgdName,
                    [KroMetadata.ApplySetId] = id,
                },
                ["annotations"] = new JsonObject
                {
                    [KroMetadata.ApplySetTooling] = "kro/" + KroMetadata.KroVersion,
                    [KroMetadata.ApplySetGroupKinds] = GroupKind.Join(inventory),
                },
            },
        };
        return await PatchInstanceAsync(instance, patch, ct).ConfigureAwait(false);
    }

    /// <summary>After a complete prune: the inventory becomes exactly the current graph's group-kinds (written only when it changes). Null on a conflict.</summary>
    private async Task<JsonObject?> ShrinkInventoryAsync(JsonObject instance, CancellationToken ct)
    {
        var current = GraphGroupKinds();
        if (InventoryOf(instance).SetEquals(current))
        {
            return instance;
        }

        var patch = new JsonObject
        {
            ["metadata"] = new JsonObject
            {
                ["resourceVersion"] = instance["metadata"]?["resourceVersion"]?.GetValue<string>(),
                ["annotations"] = new JsonObject { [KroMetadata.ApplySetGroupKinds] = GroupKind.Join(current) },
            },
        };
        return await PatchInstanceAsync(instance, patch, ct).ConfigureAwait(false);
    }

    /// <summary>A merge patch of the instance's metadata guarded by its resourceVersion; null when the stored instance moved on (409).</summary>
    private async Task<JsonObject?> PatchInstanceAsync(JsonObject instance, JsonObject patch, CancellationToken ct)
    {
        var metadata = instance["metadata"]!;
        try
        {
            var patched = await api.MergePatchAsync(InstanceType, metadata["namespace"]?.GetValue<string>(), metadata["name"]!.GetValue<string>(), patch, ct).ConfigureAwait(false);
            Wrote(InstanceType, instance, patched);
            return patched;
        }
        catch (KubeApiException e) when (e.StatusCode == HttpStatusCode.Conflict)
        {
            LogConflict(_services.Logger, graph.Schema.Kind, Describe(instance));
            return null;
        }
    }

    private static string Base64(string text) => Convert.ToBase64String(Encoding.UTF8.GetBytes(text));

    /// <summary>Whether the stored object already holds every field of the desired one (so applying would change nothing).</summary>
    private static class JsonSubset
    {
        public static bool Contains(JsonObject current, JsonObject desired)
        {
            foreach (var (key, value) in desired)
            {
                if (key == "stringData" && value is JsonObject stringData)
                {
                    if (stringData.Any(p => current["data"]?[p.Key]?.GetValue<string>() != Base64(p.Value?.GetValue<string>() ?? string.Empty)))
                    {
                        return false;
                    }

                    continue;
                }

                if (!Contains(current[key], value))
                {
                    return false;
                }
            }

            return true;
        }

        private static bool Contains(JsonNode? current, JsonNode? desired) => (current, desired) switch
        {
            (_, null) => true,
            (JsonObject c, JsonObject d) => Contains(c, d),
            (JsonArray c, JsonArray d) => c.Count == d.Count && c.Zip(d).All(p => Contains(p.First, p.Second)),
            (JsonValue c, JsonValue d) => JsonNode.DeepEquals(c, d) || c.ToJsonString() == d.ToJsonString(),
            _ => false,
        };
    }
}
