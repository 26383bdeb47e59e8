using System.Globalization;
using System.Text.Json.Nodes;
using OciOperator.Sandbox.Kube.Patching;
using OciOperator.Sandbox.Kube.Simulators.Client;

namespace OciOperator.Sandbox.Kube.Simulators.Workloads;

internal sealed partial class DeploymentReconciler
{
    /// <summary>
    /// The status from the ReplicaSets (counts, observedGeneration, Available and Progressing with the controller's
    /// reasons) and the Deployment's revision annotation, written through <c>/status</c> as the controller does;
    /// nothing is written when only timestamps would change.
    /// </summary>
    private async Task WriteStatusAsync(JsonObject deployment, JsonObject? newRs, List<JsonObject> owned, bool created, CancellationToken ct)
    {
        var now = time.GetUtcNow();
        var spec = deployment["spec"]!;
        var desired = Math.Max(0, Replicas(deployment));
        var (_, maxUnavailable) = RollingUpdateMath.Resolve(spec, desired);
        var replicas = owned.Sum(rs => StatusCount(rs, "replicas"));
        var updated = StatusCount(newRs, "replicas");
        var ready = owned.Sum(rs => StatusCount(rs, "readyReplicas"));
        var available = owned.Sum(rs => StatusCount(rs, "availableReplicas"));
        var unavailable = Math.Max(0, owned.Sum(Replicas) - available);
        var status = deployment["status"] as JsonObject;
        var conditions = status?["conditions"];
        conditions = available >= desired - maxUnavailable
            ? Condition(conditions, "Available", "True", "MinimumReplicasAvailable", "Deployment has minimum availability.", now)
            : Condition(conditions, "Available", "False", "MinimumReplicasUnavailable", "Deployment does not have minimum availability.", now);
        var rsName = ObjectKeys.Text(newRs?["metadata"]?["name"]) ?? "";
        if (ObjectKeys.Flag(spec["paused"]))
        {
            conditions = Condition(conditions, "Progressing", "Unknown", "DeploymentPaused", "Deployment is paused", now);
        }
        else if (newRs is not null && updated == desired && replicas == desired && available == desired)
        {
            conditions = Condition(conditions, "Progressing", "True", "NewReplicaSetAvailable", $"ReplicaSet \"{rsName}\" has successfully progressed.", now);
        }
        else if (created)
        {
            conditions = Condition(conditions, "Progressing", "True", "NewReplicaSetCreated", $"Created new replica set \"{rsName}\"", now);
        }
        else if (newRs is not null)
        {
            conditions = Condition(conditions, "Progressing", "True", "ReplicaSetUpdated", $"ReplicaSet \"{rsName}\" is progressing.", now);
        }

        var wanted = new JsonObject
        {
            ["observedGeneration"] = ObjectKeys.Integer(deployment["metadata"]?["generation"]) ?? 1,
            ["replicas"] = OmitZero(replicas),
            ["updatedReplicas"] = OmitZero(updated),
            ["readyReplicas"] = OmitZero(ready),
            ["availableReplicas"] = OmitZero(available),
            ["unavailableReplicas"] = OmitZero(unavailable),
            ["conditions"] = conditions?.DeepClone(),
        };
        var revision = newRs is null ? null : Revision(newRs).ToString(CultureInfo.InvariantCulture);
        var currentRevision = ObjectKeys.Text(deployment["metadata"]?["annotations"]?[RevisionAnnotation]);
        if (wanted.All(p => JsonEquality.Equal(status?[p.Key], p.Value)) && (revision is null || revision == currentRevision))
        {
            return;
        }

        var body = new JsonObject { ["status"] = wanted };
        if (revision is not null && revision != currentRevision)
        {
            body["metadata"] = new JsonObject { ["annotations"] = new JsonObject { [RevisionAnnotation] = revision } };
        }

        var (ns, name) = ObjectKeys.Split(ObjectKeys.KeyOf(deployment)!);
        var path = WorkloadPaths.Object(WorkloadPaths.Apps, ns, "deployments", name) + "/status";
        if (await client.PatchAsync(path, body, ct).ConfigureAwait(false) is { } written)
        {
            deployments.Update(written);
        }
    }

    private static long? OmitZero(long value) => value == 0 ? null : value;

    /// <summary>Sets a condition, keeping the existing entry untouched when its status, reason and message are the same.</summary>
    private static JsonNode Condition(JsonNode? conditions, string type, string status, string reason, string message, DateTimeOffset now)
    {
        var existing = StatusConditions.Find(conditions, type);
        if (existing is not null && ObjectKeys.Text(existing["status"]) == status && ObjectKeys.Text(existing["reason"]) == reason
            && ObjectKeys.Text(existing["message"]) == message)
        {
            return conditions!;
        }

        return StatusConditions.With(conditions, type, status, reason, message, now, "lastUpdateTime");
    }
}
