using System.Globalization;
using System.Net;
using System.Text.Json.Nodes;
using OciOperator.Sandbox.Kube.Simulators.Client;

namespace OciOperator.Sandbox.Kube.Simulators.Workloads;

/// <summary>
/// The Deployment controller: one ReplicaSet per pod template (named <c>&lt;deployment&gt;-&lt;pod-template-hash&gt;</c>,
/// the hash also in its labels, selector and template, owned by the Deployment, annotated with
/// <c>deployment.kubernetes.io/revision</c>), a RollingUpdate (new ReplicaSet up within <c>maxSurge</c>, old ones
/// down while <c>maxUnavailable</c> allows) or Recreate (old ones to 0 first), rollback by template (the old
/// ReplicaSet gets the next revision), <c>revisionHistoryLimit</c>, and the status computed from the ReplicaSets.
/// One step per pass: every ReplicaSet change brings the Deployment back.
/// </summary>
internal sealed partial class DeploymentReconciler(
    KubeRestClient client,
    ResourceInformer deployments,
    ResourceInformer replicaSets,
    TimeProvider time) : IWorkloadReconciler
{
    public const string RevisionAnnotation = "deployment.kubernetes.io/revision";
    public const string DesiredReplicasAnnotation = "deployment.kubernetes.io/desired-replicas";
    public const string MaxReplicasAnnotation = "deployment.kubernetes.io/max-replicas";

    /// <summary>Annotations of the Deployment the controller does not copy onto its ReplicaSets.</summary>
    private static readonly HashSet<string> NotCopied = new(StringComparer.Ordinal)
    {
        "kubectl.kubernetes.io/last-applied-configuration", RevisionAnnotation, "deployment.kubernetes.io/revision-history",
        DesiredReplicasAnnotation, MaxReplicasAnnotation,
    };

    public string Name => "deployments";

    public async Task<TimeSpan?> ReconcileAsync(string key, CancellationToken ct)
    {
        if (deployments.Get(key) is not { } deployment || deployment["metadata"]?["deletionTimestamp"] is not null)
        {
            return null;
        }

        var (ns, name) = ObjectKeys.Split(key);
        var spec = deployment["spec"] as JsonObject ?? [];
        var owned = Owned(ns, deployment);
        var newRs = owned.FirstOrDefault(rs => PodTemplateHash.SameTemplate(rs["spec"]?["template"], spec["template"]));
        var created = false;
        if (!ObjectKeys.Flag(spec["paused"]))
        {
            if (newRs is null)
            {
                newRs = await CreateReplicaSetAsync(deployment, ns, name, owned, ct).ConfigureAwait(false);
                if (newRs is null)
                {
                    return TimeSpan.Zero;
                }

                created = true;
            }
            else
            {
                await RolloutStepAsync(deployment, newRs, owned.Where(rs => rs != newRs).ToList(), ns, ct).ConfigureAwait(false);
            }

            await CleanupHistoryAsync(deployment, newRs, ns, ct).ConfigureAwait(false);
            owned = Owned(ns, deployment);
            newRs = owned.FirstOrDefault(rs => PodTemplateHash.SameTemplate(rs["spec"]?["template"], spec["template"]));
        }

        await WriteStatusAsync(deployment, newRs, owned, created, ct).ConfigureAwait(false);
        return null;
    }

    public static long Revision(JsonNode? obj) =>
        long.TryParse(ObjectKeys.Text(obj?["metadata"]?["annotations"]?[RevisionAnnotation]), NumberStyles.Integer, CultureInfo.InvariantCulture, out var r) ? r : 0;

    private static IEnumerable<KeyValuePair<string, JsonNode?>> CopiedAnnotations(JsonObject deployment) =>
        (deployment["metadata"]?["annotations"] as JsonObject ?? []).Where(p => !NotCopied.Contains(p.Key));

    private static long Replicas(JsonNode? obj) => ObjectKeys.Integer(obj?["spec"]?["replicas"]) ?? 0;

    private static long StatusCount(JsonNode? obj, string field) => ObjectKeys.Integer(obj?["status"]?[field]) ?? 0;

    private List<JsonObject> Owned(string ns, JsonObject deployment) =>
        [.. ControllerRefs.Owned(replicaSets.Items, ns, deployment)
            .OrderBy(rs => ObjectKeys.Text(rs["metadata"]?["creationTimestamp"]), StringComparer.Ordinal)
            .ThenBy(rs => ObjectKeys.Text(rs["metadata"]?["name"]), StringComparer.Ordinal)];

    private async Task<JsonObject?> CreateReplicaSetAsync(JsonObject deployment, string ns, string name, List<JsonObject> olds, CancellationToken ct)
    {
        var spec = deployment["spec"]!;
        var desired = Math.Max(0, Replicas(deployment));
        var (maxSurge, _) = RollingUpdateMath.Resolve(spec, desired);
        var recreate = ObjectKeys.Text(spec["strategy"]?["type"]) == "Recreate";
        var initial = recreate
            ? (olds.All(rs => Replicas(rs) == 0 && StatusCount(rs, "replicas") == 0) ? desired : 0)
            : RollingUpdateMath.NewReplicaSetReplicas(desired, maxSurge, 0, olds.Sum(Replicas));
        var collisionCount = ObjectKeys.Integer(deployment["status"]?["collisionCount"]);
        var hash = PodTemplateHash.Compute(spec["template"], collisionCount);
        var template = (JsonObject)spec["template"]!.DeepClone();
        var templateMeta = template["metadata"] as JsonObject ?? [];
        template["metadata"] = templateMeta;
        templateMeta["labels"] = PodTemplateHash.WithLabel(templateMeta["labels"], hash);
        var selector = (JsonObject?)spec["selector"]?.DeepClone() ?? [];
        selector["matchLabels"] = PodTemplateHash.WithLabel(selector["matchLabels"], hash);
        var annotations = new JsonObject();
        foreach (var (k, v) in CopiedAnnotations(deployment))
        {
            annotations[k] = v?.DeepClone();
        }

        annotations[RevisionAnnotation] = (olds.Select(Revision).DefaultIfEmpty(0).Max() + 1).ToString(CultureInfo.InvariantCulture);
        annotations[DesiredReplicasAnnotation] = desired.ToString(CultureInfo.InvariantCulture);
        annotations[MaxReplicasAnnotation] = (desired + maxSurge).ToString(CultureInfo.InvariantCulture);
        var rs = new JsonObject
        {
            ["apiVersion"] = "apps/v1",
            ["kind"] = "ReplicaSet",
            ["metadata"] = new JsonObject
            {
                ["name"] = name + "-" + hash,
                ["namespace"] = ns,
                ["labels"] = templateMeta["labels"]!.DeepClone(),
                ["annotations"] = annotations,
                ["ownerReferences"] = new JsonArray(ControllerRefs.To(deployment, "apps/v1", "Deployment")),
            },
            ["spec"] = new JsonObject
            {
                ["replicas"] = initial,
                ["minReadySeconds"] = ObjectKeys.Integer(spec["minReadySeconds"]) is { } min and > 0 ? min : null,
                ["selector"] = selector,
                ["template"] = template,
            },
        };
        if (rs["spec"]!["minReadySeconds"] is null)
        {
            ((JsonObject)rs["spec"]!).Remove("minReadySeconds");
        }

        try
        {
            var stored = await client.CreateAsync(WorkloadPaths.Collection(WorkloadPaths.Apps, ns, "replicasets"), rs, ct).ConfigureAwait(false);
            replicaSets.Update(stored);
            return stored;
        }
        catch (KubeRequestException ex) when (ex.StatusCode == HttpStatusCode.Conflict)
        {
            // A ReplicaSet of that name exists: ours with this template (the cache lags), or a hash collision.
            var existing = await client.GetAsync(WorkloadPaths.Object(WorkloadPaths.Apps, ns, "replicasets", name + "-" + hash), ct).ConfigureAwait(false);
            if (existing is null)
            {
                // A conflict that left nothing behind (a write refused before it was stored) is no collision: retry with back-off.
                throw;
            }

            if (ControllerRefs.ControllerOf(existing)?.Uid == ObjectKeys.Text(deployment["metadata"]?["uid"])
                && PodTemplateHash.SameTemplate(existing["spec"]?["template"], spec["template"]))
            {
                replicaSets.Update(existing);
                return existing;
            }

            var status = new JsonObject { ["collisionCount"] = (collisionCount ?? 0) + 1 };
            var path = WorkloadPaths.Object(WorkloadPaths.Apps, ns, "deployments", name) + "/status";
            if (await client.PatchStatusAsync(path, status, ct).ConfigureAwait(false) is { } updated)
            {
                deployments.Update(updated);
            }

            return null;
        }
    }
}
