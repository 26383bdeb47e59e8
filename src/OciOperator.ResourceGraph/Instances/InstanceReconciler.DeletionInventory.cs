using System.Net;
using System.Text.Json.Nodes;
using OciOperator.Runtime.Client;

namespace OciOperator.ResourceGraph.Instances;

/// <summary>
/// The last step of instance deletion: after the graph's own waves, the kinds of the instance's ApplySet inventory
/// (<c>contains-group-kinds</c>) and of the current graph are listed by the instance's <c>applyset.kubernetes.io/part-of</c>
/// label — from the informer cache where one serves the kind, by LIST via discovery otherwise — and every object our
/// field manager applied that is still there is removed as its recorded deletion policy says (deleted with a UID
/// precondition, or released). These are children of nodes that left the graph (the RGD changed) before a reconcile
/// could prune them. The objects still going away (read back after the delete) are returned; the finalizer waits for
/// them, polled: a kind that left the graph has no informer whose events would requeue the instance.
/// </summary>
public sealed partial class InstanceReconciler
{
    private async Task<IReadOnlyList<string>> RemoveInventoryLeftoversAsync(JsonObject instance, CancellationToken ct)
    {
        var ours = PartOf(instance);
        var remaining = new List<string>();
        foreach (var type in await InventoryTypesAsync(instance, ct).ConfigureAwait(false))
        {
            var members = _services.Cache?.ListPartOf(type, ours)
                ?? await api.ListAsync(type, null, $"{KroMetadata.ApplySetPartOf}={ours}", ct).ConfigureAwait(false);
            foreach (var item in members)
            {
                var metadata = item["metadata"];
                if (metadata?["labels"]?[KroMetadata.ApplySetPartOf]?.GetValue<string>() != ours || !AppliedByUs(item))
                {
                    continue;
                }

                var key = ObjectKey.Of(item);
                var uid = metadata["uid"]?.GetValue<string>();
                if (DeletionPolicies.IsOrphaned(item) && _services.Cache?.WasDeleted(uid) == true)
                {
                    // Released by the waves just now; the cache still shows the copy from before the release.
                    continue;
                }

                if (metadata["deletionTimestamp"] is null && _services.Cache?.WasDeleted(uid) != true)
                {
                    var nodeId = ManagedLabels.Resolve(metadata, KroMetadata.NodeId, ManagedLabels.NodePathAnnotation) ?? string.Empty;
                    LogDeletingChild(_services.Logger, graph.Schema.Kind, Describe(instance), type.Kind, key.ToString(), nodeId);
                    ChildRemoval removal;
                    try
                    {
                        removal = await DeletionPolicies.RemoveAsync(api, type, item, _services.Logger, ct).ConfigureAwait(false);
                    }
                    catch (KubeApiException e) when (e.StatusCode == HttpStatusCode.Conflict)
                    {
                        // Our copy was stale (the UID or resourceVersion precondition failed): list again before deciding.
                        remaining.Add($"{type.Kind} {key}");
                        continue;
                    }

                    var ns = key.Namespace.Length == 0 ? null : key.Namespace;
                    if (removal != ChildRemoval.Gone)
                    {
                        _services.Cache?.Deleted(type, ns, key.Name, uid);
                    }

                    // Read back once: an object without finalizers of its own is gone at once, and a kind that left
                    // the graph has no informer whose event would requeue the instance.
                    if (removal != ChildRemoval.Deleted
                        || (await api.GetAsync(type, ns, key.Name, ct).ConfigureAwait(false))?["metadata"]?["uid"]?.GetValue<string>() != uid)
                    {
                        continue;
                    }
                }

                remaining.Add($"{type.Kind} {key}");
            }
        }

        return remaining;
    }
}
