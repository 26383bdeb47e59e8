using System.Text.Json.Nodes;
using OciOperator.Sandbox.Kube.Patching;
using OciOperator.Sandbox.Kube.Simulators.Client;

namespace OciOperator.Sandbox.Kube.Simulators.Workloads;

/// <summary>
/// The ReplicaSet controller: keeps <c>spec.replicas</c> Pods (made from the template, named
/// <c>&lt;replicaset&gt;-xxxxx</c> by <c>generateName</c>, owned by the ReplicaSet as controller) and writes
/// <c>status</c> (replicas, fullyLabeledReplicas, readyReplicas, availableReplicas, observedGeneration). Surplus
/// pods go not-ready first, then newest first. Scaling to 0 deletes every pod.
/// </summary>
internal sealed class ReplicaSetReconciler(
    KubeRestClient client,
    ResourceInformer replicaSets,
    ResourceInformer pods,
    TimeProvider time) : IWorkloadReconciler
{
    public string Name => "replicasets";

    public async Task<TimeSpan?> ReconcileAsync(string key, CancellationToken ct)
    {
        if (replicaSets.Get(key) is not { } rs || rs["metadata"]?["deletionTimestamp"] is not null)
        {
            return null;
        }

        var (ns, _) = ObjectKeys.Split(key);
        var desired = Math.Max(0, ObjectKeys.Integer(rs["spec"]?["replicas"]) ?? 1);
        var owned = ControllerRefs.Owned(pods.Items, ns, rs).Where(PodReadiness.IsActive).ToList();
        if (owned.Count < desired)
        {
            for (var i = owned.Count; i < desired; i++)
            {
                var created = await client.CreateAsync(WorkloadPaths.Collection(WorkloadPaths.Core, ns, "pods"), PodFactory.FromTemplate(rs, "ReplicaSet", rs["spec"]?["template"], name: null), ct).ConfigureAwait(false);
                pods.Update(created);
                owned.Add(created);
            }
        }
        else if (owned.Count > desired)
        {
            var surplus = owned
                .OrderBy(p => PodReadiness.IsReady(p) ? 1 : 0)
                .ThenByDescending(p => ObjectKeys.Text(p["metadata"]?["creationTimestamp"]), StringComparer.Ordinal)
                .Take((int)(owned.Count - desired))
                .ToList();
            foreach (var pod in surplus)
            {
                var podName = ObjectKeys.Text(pod["metadata"]?["name"])!;
                await client.DeleteAsync(WorkloadPaths.Object(WorkloadPaths.Core, ns, "pods", podName), ct).ConfigureAwait(false);
                pods.Deleted(pod);
                owned.Remove(pod);
            }
        }

        return await WriteStatusAsync(key, rs, owned, ct).ConfigureAwait(false);
    }

    private async Task<TimeSpan?> WriteStatusAsync(string key, JsonObject rs, List<JsonObject> owned, CancellationToken ct)
    {
        var now = time.GetUtcNow();
        var minReady = ObjectKeys.Integer(rs["spec"]?["minReadySeconds"]) ?? 0;
        var ready = owned.Count(PodReadiness.IsReady);
        var availableAt = owned.Select(p => PodReadiness.AvailableAt(p, minReady)).Where(t => t is not null).Select(t => t!.Value).ToList();
        var available = availableAt.Count(t => t <= now);
        var selectorLabels = rs["spec"]?["template"]?["metadata"]?["labels"] as JsonObject;
        var labeled = owned.Count(p => LabelsInclude(p["metadata"]?["labels"] as JsonObject, selectorLabels));
        var status = new JsonObject
        {
            ["replicas"] = owned.Count,
            ["fullyLabeledReplicas"] = labeled == 0 ? null : labeled,
            ["readyReplicas"] = ready == 0 ? null : ready,
            ["availableReplicas"] = available == 0 ? null : available,
            ["observedGeneration"] = ObjectKeys.Integer(rs["metadata"]?["generation"]) ?? 1,
        };
        var recheck = availableAt.Where(t => t > now).Select(t => (TimeSpan?)(t - now)).Min();
        if (SameStatus(rs["status"] as JsonObject, status))
        {
            return recheck;
        }

        var (ns, name) = ObjectKeys.Split(key);
        if (await client.PatchStatusAsync(WorkloadPaths.Object(WorkloadPaths.Apps, ns, "replicasets", name) + "/status", status, ct).ConfigureAwait(false) is { } updated)
        {
            replicaSets.Update(updated);
        }

        return recheck;
    }

    private static bool SameStatus(JsonObject? current, JsonObject wanted) =>
        wanted.All(p => JsonEquality.Equal(current?[p.Key], p.Value));

    private static bool LabelsInclude(JsonObject? labels, JsonObject? wanted) =>
        wanted is null || wanted.All(p => labels is not null && JsonEquality.Equal(labels[p.Key], p.Value));
}
