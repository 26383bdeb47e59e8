using System.Net;
using System.Text.Json.Nodes;
using OciOperator.ResourceGraph.Graph;
using OciOperator.Runtime.Client;
using OciOperator.Runtime.Reconciliation;

namespace OciOperator.ResourceGraph.Instances;

/// <summary>
/// Pruning by ApplySet inventory (KEP-3659, as kro and <c>kubectl apply --prune</c> do it): after a walk without
/// problems, every kind in the union of the instance's <c>contains-group-kinds</c> and the current graph is listed
/// with the instance's <c>applyset.kubernetes.io/part-of</c> label (from the informer cache where one serves the kind,
/// by LIST otherwise — a kind that left the graph has no informer any more), and each object the current graph does
/// not want is deleted with a UID precondition, dependents first: objects of nodes that left the graph or changed
/// kind, of excluded nodes, and items a resolved node no longer renders. An object of a node still waiting is kept.
/// Only objects our field manager provably applied are touched (kro #1153), and the part-of id names one instance of
/// one kind, so nothing of another instance or RGD is ever pruned.
/// </summary>
public sealed partial class InstanceReconciler
{
    private async Task<IReadOnlyList<SyncProblem>> PruneAsync(JsonObject instance, InstanceRun run, CancellationToken ct)
    {
        var ours = PartOf(instance);
        var nodes = run.Nodes.Where(n => n.Node.Kind == NodeKind.Template).ToDictionary(n => n.Id, StringComparer.Ordinal);
        var order = graph.Nodes.Select((n, i) => (n.Id, i)).ToDictionary(p => p.Id, p => p.i, StringComparer.Ordinal);
        var types = await InventoryTypesAsync(instance, ct).ConfigureAwait(false);

        var candidates = new List<(JsonObject Object, ResourceType Type, string Node, int Wave)>();
        var problems = new List<SyncProblem>();
        foreach (var type in types)
        {
            IReadOnlyList<JsonObject> members;
            try
            {
                members = _services.Cache?.ListPartOf(type, ours)
                    ?? await api.ListAsync(type, null, $"{KroMetadata.ApplySetPartOf}={ours}", ct).ConfigureAwait(false);
            }
            catch (KubeApiException e)
            {
                // Not pruned this time (nothing is deleted on a partial view of one kind); the inventory keeps the kind listed.
                LogPruneFailed(_services.Logger, graph.Schema.Kind, Describe(instance), type.Kind, "(list)", (int)e.StatusCode);
                problems.Add(new SyncProblem(IsTransient(e.StatusCode) ? SyncProblemKind.Transient : SyncProblemKind.Error,
                    $"listing {type} of ApplySet {ours} to prune: the API server answered {(int)e.StatusCode}: {e.Status?.Message ?? e.Message}"));
                continue;
            }

            foreach (var item in members)
            {
                var metadata = item["metadata"];
                if (metadata?["labels"]?[KroMetadata.ApplySetPartOf]?.GetValue<string>() != ours || metadata["deletionTimestamp"] is not null
                    || _services.Cache?.WasDeleted(metadata["uid"]?.GetValue<string>()) == true || !AppliedByUs(item))
                {
                    continue;
                }

                var nodeId = ManagedLabels.Resolve(metadata, KroMetadata.NodeId, ManagedLabels.NodePathAnnotation) ?? string.Empty;
                if (!Wanted(nodes, nodeId, type, item))
                {
                    // Objects of nodes that left the graph go first, then dependents before what they depend on.
                    candidates.Add((item, type, nodeId, order.TryGetValue(nodeId, out var index) ? index : int.MaxValue));
                }
            }
        }

        foreach (var (item, type, nodeId, _) in candidates.OrderByDescending(c => c.Wave))
        {
            var key = ObjectKey.Of(item);
            var ns = key.Namespace.Length == 0 ? null : key.Namespace;
            try
            {
                LogPruned(_services.Logger, graph.Schema.Kind, Describe(instance), type.Kind, key.ToString(), nodeId);
                var uid = item["metadata"]?["uid"]?.GetValue<string>();
                if (await DeletionPolicies.RemoveAsync(api, type, item, _services.Logger, ct).ConfigureAwait(false) != ChildRemoval.Gone)
                {
                    // Deleted, or released (Orphaned): either way it leaves our selection; skip it until the cache shows that.
                    _services.Cache?.Deleted(type, ns, key.Name, uid);
                }
            }
            catch (KubeApiException e) when (e.StatusCode == HttpStatusCode.Conflict)
            {
                // The UID precondition failed: the name now holds another object, not the one we applied.
            }
            catch (KubeApiException e)
            {
                LogPruneFailed(_services.Logger, graph.Schema.Kind, Describe(instance), type.Kind, key.ToString(), (int)e.StatusCode);
                problems.Add(new SyncProblem(IsTransient(e.StatusCode) ? SyncProblemKind.Transient : SyncProblemKind.Error,
                    $"pruning {type.Kind} {key} (node {nodeId}): the API server answered {(int)e.StatusCode}: {e.Status?.Message ?? e.Message}"));
            }
        }

        return problems;
    }

    /// <summary>Whether the current graph wants <paramref name="item"/> (of <paramref name="type"/>, labelled with node <paramref name="nodeId"/>).</summary>
    private static bool Wanted(Dictionary<string, NodeRun> nodes, string nodeId, ResourceType type, JsonObject item)
    {
        if (!nodes.TryGetValue(nodeId, out var node) || node.Node.Gvk.Group != type.Group || node.Node.Gvk.Kind != type.Kind)
        {
            // The node left the graph, or now renders another kind.
            return false;
        }

        if (node.Excluded)
        {
            return false;
        }

        // A node still waiting keeps what it has; a resolved node keeps what it renders now.
        return !node.Resolvable || node.Desired.Any(d => ObjectKey.Of(d) == ObjectKey.Of(item));
    }

    /// <summary>The resources of the current graph's template kinds and of the kinds the inventory still lists (resolved by discovery).</summary>
    private async Task<List<ResourceType>> InventoryTypesAsync(JsonObject instance, CancellationToken ct)
    {
        var byGroupKind = new Dictionary<string, ResourceType>(StringComparer.Ordinal);
        foreach (var node in graph.Nodes.Where(n => n.Kind == NodeKind.Template))
        {
            byGroupKind.TryAdd(GroupKind.Format(node.Gvk.Group, node.Gvk.Kind), TypeOf(node));
        }

        foreach (var entry in InventoryOf(instance).Where(e => !byGroupKind.ContainsKey(e)))
        {
            var (group, kind) = GroupKind.Split(entry);
            if (_services.ResolveGroupKind is { } resolve && await resolve(group, kind, ct).ConfigureAwait(false) is { } type)
            {
                byGroupKind[entry] = type;
            }
            else
            {
                LogInventoryKindGone(_services.Logger, graph.Schema.Kind, Describe(instance), entry);
            }
        }

        return [.. byGroupKind.Values];
    }
}
