using System.Globalization;
using System.Text.Json.Nodes;
using OciOperator.Sandbox.Kube.Simulators.Client;

namespace OciOperator.Sandbox.Kube.Simulators.Workloads;

/// <summary>
/// The arithmetic of a RollingUpdate: <c>maxSurge</c> (percent rounded up) and <c>maxUnavailable</c> (percent
/// rounded down; 1 when both would be 0), how far the new ReplicaSet may grow, how many old pods may go.
/// </summary>
internal static class RollingUpdateMath
{
    public static (long MaxSurge, long MaxUnavailable) Resolve(JsonNode? deploymentSpec, long desired)
    {
        var rolling = deploymentSpec?["strategy"]?["rollingUpdate"];
        var surge = Scaled(rolling?["maxSurge"], desired, roundUp: true, fallback: "25%");
        var unavailable = Scaled(rolling?["maxUnavailable"], desired, roundUp: false, fallback: "25%");
        return surge == 0 && unavailable == 0 ? (0, 1) : (surge, unavailable);
    }

    /// <summary>The new ReplicaSet's next size: grow toward <paramref name="desired"/> without exceeding desired + maxSurge pods.</summary>
    public static long NewReplicaSetReplicas(long desired, long maxSurge, long newReplicas, long allReplicas)
    {
        if (newReplicas >= desired)
        {
            return desired;
        }

        var room = desired + maxSurge - allReplicas;
        return room <= 0 ? newReplicas : newReplicas + Math.Min(room, desired - newReplicas);
    }

    /// <summary>How many old pods may be removed now while keeping desired - maxUnavailable available.</summary>
    public static long OldScaleDown(long desired, long maxUnavailable, long allAvailable, long oldReplicas)
    {
        var minAvailable = desired - maxUnavailable;
        return Math.Clamp(allAvailable - minAvailable, 0, oldReplicas);
    }

    private static long Scaled(JsonNode? value, long total, bool roundUp, string fallback)
    {
        if (ObjectKeys.Integer(value) is { } absolute)
        {
            return Math.Max(0, absolute);
        }

        var text = ObjectKeys.Text(value) ?? fallback;
        if (!text.EndsWith('%') || !long.TryParse(text[..^1], NumberStyles.Integer, CultureInfo.InvariantCulture, out var percent))
        {
            return 0;
        }

        var scaled = total * percent / 100.0;
        return Math.Max(0, (long)(roundUp ? Math.Ceiling(scaled) : Math.Floor(scaled)));
    }
}
