using System.Globalization;
using System.Text.Json.Nodes;
using OciOperator.Sandbox.Kube.Patching;
using OciOperator.Sandbox.Kube.Simulators.Client;

namespace OciOperator.Sandbox.Kube.Simulators.Workloads;

/// <summary>
/// The StatefulSet controller: Pods <c>name-0 … name-(n-1)</c> (labelled <c>controller-revision-hash</c>,
/// <c>statefulset.kubernetes.io/pod-name</c>, <c>apps.kubernetes.io/pod-index</c>), created in order and each only
/// once the ones before it are ready (OrderedReady; <c>Parallel</c> makes them all at once), removed from the highest
/// ordinal down; a template change replaces pods from the highest ordinal down to <c>partition</c>, one at a time.
/// Status: replicas, readyReplicas, availableReplicas, currentReplicas, updatedReplicas, currentRevision,
/// updateRevision, observedGeneration, collisionCount.
/// </summary>
internal sealed class StatefulSetReconciler(
    KubeRestClient client,
    ResourceInformer statefulSets,
    ResourceInformer pods) : IWorkloadReconciler
{
    public const string RevisionLabel = "controller-revision-hash";
    public const string PodNameLabel = "statefulset.kubernetes.io/pod-name";
    public const string PodIndexLabel = "apps.kubernetes.io/pod-index";

    public string Name => "statefulsets";

    public async Task<TimeSpan?> ReconcileAsync(string key, CancellationToken ct)
    {
        if (statefulSets.Get(key) is not { } sts || sts["metadata"]?["deletionTimestamp"] is not null)
        {
            return null;
        }

        var (ns, name) = ObjectKeys.Split(key);
        var spec = sts["spec"] as JsonObject ?? [];
        var desired = Math.Max(0, ObjectKeys.Integer(spec["replicas"]) ?? 1);
        var updateRevision = name + "-" + PodTemplateHash.Compute(spec["template"], ObjectKeys.Integer(sts["status"]?["collisionCount"]) ?? 0);
        var parallel = ObjectKeys.Text(spec["podManagementPolicy"]) == "Parallel";
        var byOrdinal = Owned(ns, name, sts);
        await ConvergeAsync(sts, ns, name, desired, updateRevision, parallel, byOrdinal, ct).ConfigureAwait(false);
        await WriteStatusAsync(sts, ns, name, updateRevision, Owned(ns, name, sts), ct).ConfigureAwait(false);
        return null;
    }

    private SortedDictionary<long, JsonObject> Owned(string ns, string name, JsonObject sts)
    {
        var result = new SortedDictionary<long, JsonObject>();
        foreach (var pod in ControllerRefs.Owned(pods.Items, ns, sts).Where(PodReadiness.IsActive))
        {
            var podName = ObjectKeys.Text(pod["metadata"]?["name"]) ?? "";
            if (podName.StartsWith(name + "-", StringComparison.Ordinal)
                && long.TryParse(podName.AsSpan(name.Length + 1), NumberStyles.None, CultureInfo.InvariantCulture, out var ordinal))
            {
                result[ordinal] = pod;
            }
        }

        return result;
    }

    private async Task ConvergeAsync(
        JsonObject sts, string ns, string name, long desired, string updateRevision, bool parallel, SortedDictionary<long, JsonObject> byOrdinal, CancellationToken ct)
    {
        // Scale down from the highest ordinal (one at a time unless Parallel).
        foreach (var ordinal in byOrdinal.Keys.Where(o => o >= desired).OrderDescending().ToList())
        {
            await DeletePodAsync(ns, byOrdinal[ordinal], ct).ConfigureAwait(false);
            if (!parallel)
            {
                return;
            }
        }

        for (var ordinal = 0L; ordinal < desired; ordinal++)
        {
            if (byOrdinal.ContainsKey(ordinal))
            {
                continue;
            }

            if (!parallel && byOrdinal.Where(p => p.Key < ordinal).Any(p => !PodReadiness.IsReady(p.Value)))
            {
                return;
            }

            var podName = name + "-" + ordinal.ToString(CultureInfo.InvariantCulture);
            var labels = new Dictionary<string, string>
            {
                [RevisionLabel] = updateRevision,
                [PodNameLabel] = podName,
                [PodIndexLabel] = ordinal.ToString(CultureInfo.InvariantCulture),
            };
            var pod = PodFactory.FromTemplate(sts, "StatefulSet", sts["spec"]?["template"], podName, labels);
            var podSpec = (JsonObject)pod["spec"]!;
            podSpec["hostname"] = podName;
            if (ObjectKeys.Text(sts["spec"]?["serviceName"]) is { Length: > 0 } service)
            {
                podSpec["subdomain"] = service;
            }

            var created = await client.CreateAsync(WorkloadPaths.Collection(WorkloadPaths.Core, ns, "pods"), pod, ct).ConfigureAwait(false);
            pods.Update(created);
            byOrdinal[ordinal] = created;
            if (!parallel)
            {
                return;
            }
        }

        // Rolling update: once every pod is ready, replace the highest-ordinal outdated one at or above the partition.
        if (ObjectKeys.Text(sts["spec"]?["updateStrategy"]?["type"]) is "OnDelete" || byOrdinal.Values.Any(p => !PodReadiness.IsReady(p)))
        {
            return;
        }

        var partition = ObjectKeys.Integer(sts["spec"]?["updateStrategy"]?["rollingUpdate"]?["partition"]) ?? 0;
        var outdated = byOrdinal.Where(p => p.Key >= partition && Revision(p.Value) != updateRevision).Select(p => p.Value).LastOrDefault();
        if (outdated is not null)
        {
            await DeletePodAsync(ns, outdated, ct).ConfigureAwait(false);
        }
    }

    private async Task DeletePodAsync(string ns, JsonObject pod, CancellationToken ct)
    {
        var podName = ObjectKeys.Text(pod["metadata"]?["name"])!;
        await client.DeleteAsync(WorkloadPaths.Object(WorkloadPaths.Core, ns, "pods", podName), ct).ConfigureAwait(false);
        pods.Deleted(pod);
    }

    private static string? Revision(JsonNode pod) => ObjectKeys.Text(pod["metadata"]?["labels"]?[RevisionLabel]);

    private async Task WriteStatusAsync(JsonObject sts, string ns, string name, string updateRevision, SortedDictionary<long, JsonObject> byOrdinal, CancellationToken ct)
    {
        var all = byOrdinal.Values.ToList();
        var updated = all.Count(p => Revision(p) == updateRevision);
        var currentRevision = ObjectKeys.Text(sts["status"]?["currentRevision"]) ?? updateRevision;
        var desired = Math.Max(0, ObjectKeys.Integer(sts["spec"]?["replicas"]) ?? 1);
        if (updated == all.Count && all.Count == desired)
        {
            currentRevision = updateRevision;
        }

        var ready = all.Count(PodReadiness.IsReady);
        var current = all.Count(p => Revision(p) == currentRevision);
        var status = new JsonObject
        {
            ["observedGeneration"] = ObjectKeys.Integer(sts["metadata"]?["generation"]) ?? 1,
            ["replicas"] = all.Count,
            ["readyReplicas"] = ready == 0 ? null : ready,
            ["availableReplicas"] = ready,
            ["currentReplicas"] = current == 0 ? null : current,
            ["updatedReplicas"] = updated == 0 ? null : updated,
            ["currentRevision"] = currentRevision,
            ["updateRevision"] = updateRevision,
            ["collisionCount"] = ObjectKeys.Integer(sts["status"]?["collisionCount"]) ?? 0,
        };
        if (status.All(p => JsonEquality.Equal(sts["status"]?[p.Key], p.Value)))
        {
            return;
        }

        if (await client.PatchStatusAsync(WorkloadPaths.Object(WorkloadPaths.Apps, ns, "statefulsets", name) + "/status", status, ct).ConfigureAwait(false) is { } written)
        {
            statefulSets.Update(written);
        }
    }
}
