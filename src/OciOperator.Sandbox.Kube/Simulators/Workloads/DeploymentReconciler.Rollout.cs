using System.Globalization;
using System.Text.Json.Nodes;
using OciOperator.Sandbox.Kube.Simulators.Client;

namespace OciOperator.Sandbox.Kube.Simulators.Workloads;

internal sealed partial class DeploymentReconciler
{
    /// <summary>One step of the rollout: take the next revision (rollback), grow the new ReplicaSet, or shrink old ones.</summary>
    private async Task RolloutStepAsync(JsonObject deployment, JsonObject newRs, List<JsonObject> olds, string ns, CancellationToken ct)
    {
        // The new ReplicaSet carries the Deployment's annotations (a change-cause, say) and the newest revision.
        var maxOld = olds.Select(Revision).DefaultIfEmpty(0).Max();
        var annotations = new JsonObject();
        foreach (var (k, v) in CopiedAnnotations(deployment))
        {
            if (ObjectKeys.Text(newRs["metadata"]?["annotations"]?[k]) != ObjectKeys.Text(v))
            {
                annotations[k] = v?.DeepClone();
            }
        }

        if (Revision(newRs) <= maxOld)
        {
            annotations[RevisionAnnotation] = (maxOld + 1).ToString(CultureInfo.InvariantCulture);
        }

        if (annotations.Count > 0)
        {
            await PatchReplicaSetAsync(ns, newRs, new JsonObject { ["metadata"] = new JsonObject { ["annotations"] = annotations } }, ct).ConfigureAwait(false);
            return;
        }

        var spec = deployment["spec"]!;
        var desired = Math.Max(0, Replicas(deployment));
        var (maxSurge, maxUnavailable) = RollingUpdateMath.Resolve(spec, desired);
        if (ObjectKeys.Text(spec["strategy"]?["type"]) == "Recreate")
        {
            if (olds.FirstOrDefault(rs => Replicas(rs) > 0) is { } running)
            {
                await ScaleAsync(ns, running, 0, desired, maxSurge, ct).ConfigureAwait(false);
            }
            else if (olds.All(rs => StatusCount(rs, "replicas") == 0) && Replicas(newRs) != desired)
            {
                await ScaleAsync(ns, newRs, desired, desired, maxSurge, ct).ConfigureAwait(false);
            }

            return;
        }

        var all = olds.Sum(Replicas) + Replicas(newRs);
        var target = RollingUpdateMath.NewReplicaSetReplicas(desired, maxSurge, Replicas(newRs), all);
        if (target != Replicas(newRs))
        {
            await ScaleAsync(ns, newRs, target, desired, maxSurge, ct).ConfigureAwait(false);
            return;
        }

        var available = olds.Sum(rs => StatusCount(rs, "availableReplicas")) + StatusCount(newRs, "availableReplicas");
        var budget = RollingUpdateMath.OldScaleDown(desired, maxUnavailable, available, olds.Sum(Replicas));

        // Old pods that are not available cost no availability: they go first (cleanupUnhealthyReplicas).
        var newUnavailable = Replicas(newRs) - StatusCount(newRs, "availableReplicas");
        var cleanup = Math.Max(0, all - (desired - maxUnavailable) - newUnavailable);
        foreach (var rs in olds.Where(rs => Replicas(rs) > 0))
        {
            var unhealthy = Math.Clamp(Replicas(rs) - StatusCount(rs, "availableReplicas"), 0, cleanup);
            cleanup -= unhealthy;
            var healthy = Math.Min(budget, Replicas(rs) - unhealthy);
            budget -= healthy;
            if (unhealthy + healthy > 0)
            {
                await ScaleAsync(ns, rs, Replicas(rs) - unhealthy - healthy, desired, maxSurge, ct).ConfigureAwait(false);
            }
        }
    }

    private async Task ScaleAsync(string ns, JsonObject rs, long replicas, long desired, long maxSurge, CancellationToken ct)
    {
        var patch = new JsonObject
        {
            ["metadata"] = new JsonObject
            {
                ["annotations"] = new JsonObject
                {
                    [DesiredReplicasAnnotation] = desired.ToString(CultureInfo.InvariantCulture),
                    [MaxReplicasAnnotation] = (desired + maxSurge).ToString(CultureInfo.InvariantCulture),
                },
            },
            ["spec"] = new JsonObject { ["replicas"] = replicas },
        };
        await PatchReplicaSetAsync(ns, rs, patch, ct).ConfigureAwait(false);
    }

    private async Task PatchReplicaSetAsync(string ns, JsonObject rs, JsonObject patch, CancellationToken ct)
    {
        var name = ObjectKeys.Text(rs["metadata"]?["name"])!;
        if (await client.PatchAsync(WorkloadPaths.Object(WorkloadPaths.Apps, ns, "replicasets", name), patch, ct).ConfigureAwait(false) is { } updated)
        {
            replicaSets.Update(updated);
        }
    }

    /// <summary>Deletes the oldest scaled-down ReplicaSets beyond <c>revisionHistoryLimit</c> (default 10).</summary>
    private async Task CleanupHistoryAsync(JsonObject deployment, JsonObject newRs, string ns, CancellationToken ct)
    {
        var limit = ObjectKeys.Integer(deployment["spec"]?["revisionHistoryLimit"]) ?? 10;
        var idle = Owned(ns, deployment)
            .Where(rs => rs != newRs && ObjectKeys.Text(rs["metadata"]?["name"]) != ObjectKeys.Text(newRs["metadata"]?["name"])
                         && Replicas(rs) == 0 && StatusCount(rs, "replicas") == 0)
            .OrderBy(Revision)
            .ToList();
        foreach (var rs in idle.Take(Math.Max(0, idle.Count - (int)limit)))
        {
            var name = ObjectKeys.Text(rs["metadata"]?["name"])!;
            await client.DeleteAsync(WorkloadPaths.Object(WorkloadPaths.Apps, ns, "replicasets", name), ct).ConfigureAwait(false);
            replicaSets.Deleted(rs);
        }
    }
}
