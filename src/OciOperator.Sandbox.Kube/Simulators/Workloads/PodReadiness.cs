using System.Text.Json.Nodes;
using OciOperator.Sandbox.Kube.Simulators.Client;

namespace OciOperator.Sandbox.Kube.Simulators.Workloads;

/// <summary>Whether a pod counts as ready and as available (ready for <c>minReadySeconds</c>), as the controllers judge it.</summary>
internal static class PodReadiness
{
    public static bool IsActive(JsonNode pod) =>
        pod["metadata"]?["deletionTimestamp"] is null
        && ObjectKeys.Text(pod["status"]?["phase"]) is not ("Succeeded" or "Failed");

    public static bool IsReady(JsonNode pod) => StatusConditions.IsTrue(pod["status"]?["conditions"], "Ready");

    /// <summary>When a ready pod becomes available, or null when it is not ready.</summary>
    public static DateTimeOffset? AvailableAt(JsonNode pod, long minReadySeconds)
    {
        if (!IsReady(pod))
        {
            return null;
        }

        if (minReadySeconds <= 0)
        {
            return DateTimeOffset.MinValue;
        }

        var since = KubeTime.Parse(ObjectKeys.Text(StatusConditions.Find(pod["status"]?["conditions"], "Ready")?["lastTransitionTime"]));
        return (since ?? DateTimeOffset.MinValue) + TimeSpan.FromSeconds(minReadySeconds);
    }
}
