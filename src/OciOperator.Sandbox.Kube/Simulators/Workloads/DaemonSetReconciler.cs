using System.Globalization;
using System.Text.Json.Nodes;
using OciOperator.Sandbox.Kube.Patching;
using OciOperator.Sandbox.Kube.Simulators.Client;

namespace OciOperator.Sandbox.Kube.Simulators.Workloads;

/// <summary>
/// The DaemonSet controller: one Pod per schedulable Node that matches <c>nodeSelector</c> (bound with
/// <c>spec.nodeName</c>, labelled <c>controller-revision-hash</c> and <c>pod-template-generation</c>), surplus and
/// misplaced pods removed, a template change rolled out one node at a time once every pod is ready (RollingUpdate;
/// OnDelete waits). Status: desired/current/ready/available/updated numbers scheduled, misscheduled, observedGeneration.
/// </summary>
internal sealed class DaemonSetReconciler(
    KubeRestClient client,
    ResourceInformer daemonSets,
    ResourceInformer pods,
    ResourceInformer nodes) : IWorkloadReconciler
{
    public string Name => "daemonsets";

    public async Task<TimeSpan?> ReconcileAsync(string key, CancellationToken ct)
    {
        if (daemonSets.Get(key) is not { } ds || ds["metadata"]?["deletionTimestamp"] is not null)
        {
            return null;
        }

        var (ns, name) = ObjectKeys.Split(key);
        var template = ds["spec"]?["template"];
        var hash = PodTemplateHash.Compute(template, ObjectKeys.Integer(ds["status"]?["collisionCount"]));
        var eligible = nodes.Items.Where(n => Fits(n, template)).Select(n => ObjectKeys.Text(n["metadata"]?["name"])!).ToHashSet(StringComparer.Ordinal);
        var owned = ControllerRefs.Owned(pods.Items, ns, ds).Where(PodReadiness.IsActive).ToList();
        var byNode = owned.GroupBy(p => ObjectKeys.Text(p["spec"]?["nodeName"]) ?? "").ToDictionary(g => g.Key, g => g.ToList(), StringComparer.Ordinal);

        foreach (var (node, onNode) in byNode)
        {
            foreach (var extra in eligible.Contains(node) ? onNode.Skip(1) : onNode)
            {
                await DeletePodAsync(ns, extra, ct).ConfigureAwait(false);
            }
        }

        foreach (var node in eligible.Where(n => !byNode.ContainsKey(n)))
        {
            var labels = new Dictionary<string, string>
            {
                [StatefulSetReconciler.RevisionLabel] = hash,
                ["pod-template-generation"] = (ObjectKeys.Integer(ds["metadata"]?["generation"]) ?? 1).ToString(CultureInfo.InvariantCulture),
            };
            var pod = PodFactory.FromTemplate(ds, "DaemonSet", template, name: null, labels);
            ((JsonObject)pod["spec"]!)["nodeName"] = node;
            pods.Update(await client.CreateAsync(WorkloadPaths.Collection(WorkloadPaths.Core, ns, "pods"), pod, ct).ConfigureAwait(false));
        }

        var placed = ControllerRefs.Owned(pods.Items, ns, ds).Where(PodReadiness.IsActive).ToList();
        if (ObjectKeys.Text(ds["spec"]?["updateStrategy"]?["type"]) is not "OnDelete" && placed.All(PodReadiness.IsReady)
            && placed.FirstOrDefault(p => ObjectKeys.Text(p["metadata"]?["labels"]?[StatefulSetReconciler.RevisionLabel]) != hash) is { } outdated)
        {
            await DeletePodAsync(ns, outdated, ct).ConfigureAwait(false);
            placed.Remove(outdated);
        }

        await WriteStatusAsync(ds, ns, name, hash, eligible, placed, ct).ConfigureAwait(false);
        return null;
    }

    /// <summary>Schedulable and carrying every <c>nodeSelector</c> label.</summary>
    private static bool Fits(JsonObject node, JsonNode? template)
    {
        if (ObjectKeys.Flag(node["spec"]?["unschedulable"]))
        {
            return false;
        }

        var labels = node["metadata"]?["labels"] as JsonObject;
        return (template?["spec"]?["nodeSelector"] as JsonObject ?? []).All(p => labels is not null && JsonEquality.Equal(labels[p.Key], p.Value));
    }

    private async Task DeletePodAsync(string ns, JsonObject pod, CancellationToken ct)
    {
        var podName = ObjectKeys.Text(pod["metadata"]?["name"])!;
        await client.DeleteAsync(WorkloadPaths.Object(WorkloadPaths.Core, ns, "pods", podName), ct).ConfigureAwait(false);
        pods.Deleted(pod);
    }

    private async Task WriteStatusAsync(JsonObject ds, string ns, string name, string hash, HashSet<string> eligible, List<JsonObject> placed, CancellationToken ct)
    {
        var onEligible = placed.Where(p => eligible.Contains(ObjectKeys.Text(p["spec"]?["nodeName"]) ?? "")).ToList();
        var ready = onEligible.Count(PodReadiness.IsReady);
        var updated = onEligible.Count(p => ObjectKeys.Text(p["metadata"]?["labels"]?[StatefulSetReconciler.RevisionLabel]) == hash);
        long? OmitZero(long n) => n == 0 ? null : n;
        var status = new JsonObject
        {
            ["currentNumberScheduled"] = onEligible.Count,
            ["numberMisscheduled"] = placed.Count - onEligible.Count,
            ["desiredNumberScheduled"] = eligible.Count,
            ["numberReady"] = ready,
            ["observedGeneration"] = ObjectKeys.Integer(ds["metadata"]?["generation"]) ?? 1,
            ["updatedNumberScheduled"] = OmitZero(updated),
            ["numberAvailable"] = OmitZero(ready),
            ["numberUnavailable"] = OmitZero(Math.Max(0, eligible.Count - ready)),
        };
        if (status.All(p => JsonEquality.Equal(ds["status"]?[p.Key], p.Value)))
        {
            return;
        }

        if (await client.PatchStatusAsync(WorkloadPaths.Object(WorkloadPaths.Apps, ns, "daemonsets", name) + "/status", status, ct).ConfigureAwait(false) is { } written)
        {
            daemonSets.Update(written);
        }
    }
}
