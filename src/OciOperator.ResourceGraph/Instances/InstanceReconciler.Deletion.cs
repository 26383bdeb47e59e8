using System.Text.Json.Nodes;
using OciOperator.ResourceGraph.Graph;
using OciOperator.Runtime.Reconciliation;

namespace OciOperator.ResourceGraph.Instances;

/// <summary>
/// Deletion. Only objects the engine provably applied are touched: they carry this instance's UID and
/// ApplySet id (kro #1153). Deletion runs in reverse topological waves, one wave at a time; then every kind of the
/// ApplySet inventory is listed by <c>part-of</c> (as pruning does), so children of nodes that left the graph before
/// the instance was reconciled again are removed too; only then is the finalizer dropped.
/// </summary>
public sealed partial class InstanceReconciler
{
    private async Task<IReadOnlyList<JsonObject>> OwnedAsync(JsonObject instance, CompiledNode node, CancellationToken ct)
    {
        var uid = instance["metadata"]?["uid"]?.GetValue<string>() ?? string.Empty;
        var selector = $"{KroMetadata.InstanceId}={uid},{KroMetadata.NodeId}={ManagedLabels.LabelValue(node.Id)}";
        var ours = PartOf(instance);
        var items = await ListAsync(TypeOf(node), null, selector, ct).ConfigureAwait(false);
        return [.. items.Where(i => i["metadata"]?["labels"]?[KroMetadata.ApplySetPartOf]?.GetValue<string>() == ours && AppliedByUs(i))];
    }

    /// <summary>Whether our field manager applied the object (its labels alone could have been copied by someone else — kro #1153).</summary>
    private static bool AppliedByUs(JsonObject obj) =>
        obj["metadata"]?["managedFields"] is JsonArray fields
        && fields.OfType<JsonObject>().Any(f => f["manager"]?.GetValue<string>() == KroMetadata.FieldManager && f["operation"]?.GetValue<string>() == "Apply");

    private async Task<ReconcileResult> DeleteAsync(JsonObject instance, CancellationToken ct)
    {
        var finalizers = (instance["metadata"]?["finalizers"] as JsonArray ?? []).Select(f => f!.GetValue<string>()).ToList();
        if (!finalizers.Contains(KroMetadata.Finalizer))
        {
            return ReconcileResult.Done;
        }

        foreach (var layer in graph.DeletionLayers)
        {
            var remaining = new List<string>();
            foreach (var id in layer)
            {
                var node = graph.Node(id);
                if (node.Kind != NodeKind.Template)
                {
                    continue;
                }

                foreach (var item in await OwnedAsync(instance, node, ct).ConfigureAwait(false))
                {
                    var key = ObjectKey.Of(item);
                    if (item["metadata"]?["deletionTimestamp"] is null && _services.Cache?.WasDeleted(item["metadata"]?["uid"]?.GetValue<string>()) != true)
                    {
                        LogDeletingChild(_services.Logger, graph.Schema.Kind, Describe(instance), node.Gvk.Kind, key.ToString(), node.Id);
                        var ns = key.Namespace.Length == 0 ? null : key.Namespace;
                        var uid = item["metadata"]?["uid"]?.GetValue<string>();
                        var removal = await DeletionPolicies.RemoveAsync(api, TypeOf(node), item, _services.Logger, ct).ConfigureAwait(false);
                        if (removal != ChildRemoval.Gone)
                        {
                            _services.Cache?.Deleted(TypeOf(node), ns, key.Name, uid);
                        }

                        if (removal == ChildRemoval.Released)
                        {
                            continue;
                        }
                    }

                    remaining.Add($"{node.Gvk.Kind} {key}");
                }
            }

            if (remaining.Count > 0)
            {
                await WriteStatusAsync(instance, StatusOf(instance, null, InstanceState.Deleting, (InstanceConditions.UnderDeletion, "deleting " + string.Join(", ", remaining)), SecretRedactorNone), ct).ConfigureAwait(false);
                return ReconcileResult.After(WaitingRequeue);
            }
        }

        var leftovers = await RemoveInventoryLeftoversAsync(instance, ct).ConfigureAwait(false);
        if (leftovers.Count > 0)
        {
            await WriteStatusAsync(instance, StatusOf(instance, null, InstanceState.Deleting, (InstanceConditions.UnderDeletion, "deleting " + string.Join(", ", leftovers)), SecretRedactorNone), ct).ConfigureAwait(false);
            return ReconcileResult.After(TransientRequeue);
        }

        finalizers.Remove(KroMetadata.Finalizer);
        var patch = new JsonObject
        {
            ["metadata"] = new JsonObject
            {
                ["resourceVersion"] = instance["metadata"]?["resourceVersion"]?.GetValue<string>(),
                ["finalizers"] = new JsonArray([.. finalizers.Select(f => (JsonNode)JsonValue.Create(f))]),
            },
        };
        if (await PatchInstanceAsync(instance, patch, ct).ConfigureAwait(false) is null)
        {
            // Our copy was older than the stored instance: release again once the cache has caught up.
            return ReconcileResult.After(TransientRequeue);
        }

        _services.ExternalRefs?.Remove(ObjectKey.Of(instance));
        LogReleased(_services.Logger, graph.Schema.Kind, Describe(instance));
        return ReconcileResult.Done;
    }
}
