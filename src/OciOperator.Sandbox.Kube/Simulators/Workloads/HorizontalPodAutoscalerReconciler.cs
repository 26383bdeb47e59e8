using System.Text.Json.Nodes;
using OciOperator.Sandbox.Kube.Patching;
using OciOperator.Sandbox.Kube.Simulators.Client;

namespace OciOperator.Sandbox.Kube.Simulators.Workloads;

/// <summary>
/// The HPA controller without a metrics API (the Sandbox serves none): it reads the target's <c>/scale</c>, keeps
/// its replicas within <c>minReplicas</c>..<c>maxReplicas</c> (scaling the target when outside, with
/// <c>lastScaleTime</c>), and writes <c>currentReplicas</c>, <c>desiredReplicas</c>, <c>observedGeneration</c> and
/// the conditions AbleToScale, ScalingActive (False: no metrics) and ScalingLimited with the controller's reasons.
/// Looks again every sync period (15 s) and whenever a Deployment, StatefulSet or ReplicaSet changes.
/// </summary>
internal sealed class HorizontalPodAutoscalerReconciler(
    KubeRestClient client,
    ResourceInformer autoscalers,
    TimeProvider time) : IWorkloadReconciler
{
    public static readonly TimeSpan SyncPeriod = TimeSpan.FromSeconds(15);

    public string Name => "horizontalpodautoscalers";

    /// <summary>The keys of the autoscalers whose target is <paramref name="kind"/> <paramref name="key"/>.</summary>
    public IEnumerable<string> Targeting(string kind, string key)
    {
        var (ns, name) = ObjectKeys.Split(key);
        return autoscalers.Items
            .Where(h => ObjectKeys.Text(h["metadata"]?["namespace"]) == ns && ObjectKeys.Text(h["spec"]?["scaleTargetRef"]?["kind"]) == kind
                        && ObjectKeys.Text(h["spec"]?["scaleTargetRef"]?["name"]) == name)
            .Select(h => ObjectKeys.KeyOf(h)!);
    }

    public async Task<TimeSpan?> ReconcileAsync(string key, CancellationToken ct)
    {
        if (autoscalers.Get(key) is not { } hpa || hpa["metadata"]?["deletionTimestamp"] is not null)
        {
            return null;
        }

        var (ns, name) = ObjectKeys.Split(key);
        var now = time.GetUtcNow();
        var spec = hpa["spec"];
        var target = spec?["scaleTargetRef"];
        var scalePath = ScalePath(ns, ObjectKeys.Text(target?["apiVersion"]), ObjectKeys.Text(target?["kind"]), ObjectKeys.Text(target?["name"]));
        var scale = scalePath is null ? null : await client.GetAsync(scalePath, ct).ConfigureAwait(false);
        var conditions = hpa["status"]?["conditions"];
        var status = new JsonObject { ["observedGeneration"] = ObjectKeys.Integer(hpa["metadata"]?["generation"]) ?? 1 };
        if (scale is null)
        {
            conditions = Condition(conditions, "AbleToScale", "False", "FailedGetScale",
                $"the HPA controller was unable to get the target's current scale: {ObjectKeys.Text(target?["kind"])?.ToLowerInvariant()} \"{ObjectKeys.Text(target?["name"])}\" not found", now);
            status["desiredReplicas"] = ObjectKeys.Integer(hpa["status"]?["desiredReplicas"]) ?? 0;
        }
        else
        {
            var specReplicas = ObjectKeys.Integer(scale["spec"]?["replicas"]) ?? 0;
            var current = ObjectKeys.Integer(scale["status"]?["replicas"]) ?? 0;
            var min = ObjectKeys.Integer(spec?["minReplicas"]) ?? 1;
            var max = ObjectKeys.Integer(spec?["maxReplicas"]) ?? min;
            var desired = specReplicas == 0 ? 0 : Math.Clamp(specReplicas, min, Math.Max(min, max));
            status["lastScaleTime"] = hpa["status"]?["lastScaleTime"]?.DeepClone();
            if (desired != specReplicas)
            {
                await client.PatchAsync(scalePath!, new JsonObject { ["spec"] = new JsonObject { ["replicas"] = desired } }, ct).ConfigureAwait(false);
                status["lastScaleTime"] = KubeTime.Format(now);
                conditions = Condition(conditions, "AbleToScale", "True", "SucceededRescale", $"the HPA controller was able to update the target scale to {desired}", now);
            }
            else if (StatusConditions.Find(conditions, "AbleToScale") is null || ObjectKeys.Text(StatusConditions.Find(conditions, "AbleToScale")?["status"]) != "True")
            {
                conditions = Condition(conditions, "AbleToScale", "True", "ReadyForNewScale", "recommended size matches current size", now);
            }

            conditions = Condition(conditions, "ScalingActive", "False", "FailedGetResourceMetric",
                "the HPA was unable to compute the replica count: the Sandbox serves no metrics API", now);
            conditions = specReplicas > max
                ? Condition(conditions, "ScalingLimited", "True", "TooManyReplicas", "the desired replica count is more than the maximum replica count", now)
                : specReplicas < min && specReplicas != 0
                    ? Condition(conditions, "ScalingLimited", "True", "TooFewReplicas", "the desired replica count is less than the minimum replica count", now)
                    : Condition(conditions, "ScalingLimited", "False", "DesiredWithinRange", "the desired count is within the acceptable range", now);
            status["currentReplicas"] = current == 0 ? null : current;
            status["desiredReplicas"] = desired;
        }

        status["conditions"] = conditions?.DeepClone();
        if (!status.All(p => JsonEquality.Equal(hpa["status"]?[p.Key], p.Value)))
        {
            var path = $"/apis/autoscaling/v2/namespaces/{Uri.EscapeDataString(ns)}/horizontalpodautoscalers/{Uri.EscapeDataString(name)}/status";
            if (await client.PatchStatusAsync(path, status, ct).ConfigureAwait(false) is { } written)
            {
                autoscalers.Update(written);
            }
        }

        return SyncPeriod;
    }

    private static string? ScalePath(string ns, string? apiVersion, string? kind, string? name)
    {
        if (apiVersion is null || kind is null || name is null)
        {
            return null;
        }

        var plural = kind.ToLowerInvariant() + "s";
        var prefix = apiVersion.Contains('/', StringComparison.Ordinal) ? "/apis/" + apiVersion : "/api/" + apiVersion;
        return WorkloadPaths.Object(prefix, ns, plural, name) + "/scale";
    }

    private static JsonNode Condition(JsonNode? conditions, string type, string status, string reason, string message, DateTimeOffset now)
    {
        var existing = StatusConditions.Find(conditions, type);
        if (existing is not null && ObjectKeys.Text(existing["status"]) == status && ObjectKeys.Text(existing["reason"]) == reason
            && ObjectKeys.Text(existing["message"]) == message)
        {
            return conditions!;
        }

        var updated = StatusConditions.With(conditions, type, status, reason, message, now, "lastTransitionTime");
        return updated;
    }
}
