using System.Globalization;
using System.Text.Json.Nodes;
using OciOperator.Sandbox.Kube.Simulators.Client;

namespace OciOperator.Sandbox.Kube.Simulators.Workloads;

/// <summary>
/// What the kubelet does to a Pod, in two status writes: at once it starts the containers (<c>phase: Running</c>,
/// <c>startTime</c>, pod and host IPs, <c>PodScheduled</c>/<c>Initialized</c> True, containers running but not
/// ready); after the start delay the containers are ready (<c>Ready</c>/<c>ContainersReady</c> True). Pods that are
/// being deleted or have finished are left alone.
/// </summary>
internal sealed class KubeletReconciler(
    KubeRestClient client,
    ResourceInformer pods,
    TimeSpan startDelay,
    TimeProvider time) : IWorkloadReconciler
{
    public const string HostIp = "10.0.0.10";
    private readonly Dictionary<string, DateTimeOffset> _started = new(StringComparer.Ordinal);
    private int _nextIp;

    public string Name => "pods";

    public async Task<TimeSpan?> ReconcileAsync(string key, CancellationToken ct)
    {
        if (pods.Get(key) is not { } pod || !PodReadiness.IsActive(pod))
        {
            _started.Remove(key);
            return null;
        }

        var now = time.GetUtcNow();
        var status = pod["status"] as JsonObject;
        JsonObject patch;
        TimeSpan? recheck = null;
        if (ObjectKeys.Text(status?["startTime"]) is null)
        {
            _started[key] = now;
            patch = Started(pod, now);
            recheck = startDelay;
        }
        else if (PodReadiness.IsReady(pod))
        {
            _started.Remove(key);
            return null;
        }
        else
        {
            var started = _started.TryGetValue(key, out var s) ? s : KubeTime.Parse(ObjectKeys.Text(status?["startTime"])) ?? now;
            if (now < started + startDelay)
            {
                return started + startDelay - now;
            }

            _started.Remove(key);
            patch = Ready(pod, now);
        }

        var (ns, name) = ObjectKeys.Split(key);
        if (await client.PatchStatusAsync(WorkloadPaths.Object(WorkloadPaths.Core, ns, "pods", name) + "/status", patch, ct).ConfigureAwait(false) is { } updated)
        {
            pods.Update(updated);
        }

        return recheck;
    }

    private JsonObject Started(JsonObject pod, DateTimeOffset now)
    {
        var n = Interlocked.Increment(ref _nextIp);
        var ip = string.Create(CultureInfo.InvariantCulture, $"10.244.{n / 250 % 256}.{(n % 250) + 2}");
        var conditions = StatusConditions.With(null, "PodReadyToStartContainers", "True", "", "", now, "lastProbeTime");
        conditions = StatusConditions.With(conditions, "Initialized", "True", "", "", now, "lastProbeTime");
        conditions = StatusConditions.With(conditions, "Ready", "False", "ContainersNotReady", "containers with unready status", now, "lastProbeTime");
        conditions = StatusConditions.With(conditions, "ContainersReady", "False", "ContainersNotReady", "containers with unready status", now, "lastProbeTime");
        conditions = StatusConditions.With(conditions, "PodScheduled", "True", "", "", now, "lastProbeTime");
        return new JsonObject
        {
            ["phase"] = "Running",
            ["startTime"] = KubeTime.Format(now),
            ["hostIP"] = HostIp,
            ["hostIPs"] = new JsonArray(new JsonObject { ["ip"] = HostIp }),
            ["podIP"] = ip,
            ["podIPs"] = new JsonArray(new JsonObject { ["ip"] = ip }),
            ["conditions"] = Tidy(conditions),
            ["containerStatuses"] = ContainerStatuses(pod, now, ready: false),
        };
    }

    private static JsonObject Ready(JsonObject pod, DateTimeOffset now)
    {
        var existing = pod["status"]?["conditions"];
        var conditions = StatusConditions.With(existing, "Ready", "True", "", "", now, "lastProbeTime");
        conditions = StatusConditions.With(conditions, "ContainersReady", "True", "", "", now, "lastProbeTime");
        return new JsonObject
        {
            ["conditions"] = Tidy(conditions),
            ["containerStatuses"] = ContainerStatuses(pod, KubeTime.Parse(ObjectKeys.Text(pod["status"]?["startTime"])) ?? now, ready: true),
        };
    }

    /// <summary>Pod conditions carry <c>lastProbeTime: null</c> and no empty reason or message.</summary>
    private static JsonArray Tidy(JsonArray conditions)
    {
        foreach (var c in conditions.OfType<JsonObject>())
        {
            c["lastProbeTime"] = null;
            foreach (var field in new[] { "reason", "message" })
            {
                if (ObjectKeys.Text(c[field]) is "")
                {
                    c.Remove(field);
                }
            }
        }

        return conditions;
    }

    private static JsonArray ContainerStatuses(JsonObject pod, DateTimeOffset startedAt, bool ready)
    {
        var statuses = new JsonArray();
        foreach (var container in (pod["spec"]?["containers"] as JsonArray)?.OfType<JsonObject>() ?? [])
        {
            var name = ObjectKeys.Text(container["name"]) ?? "";
            statuses.Add(new JsonObject
            {
                ["name"] = name,
                ["image"] = ObjectKeys.Text(container["image"]) ?? "",
                ["imageID"] = "",
                ["containerID"] = "containerd://" + ObjectKeys.Text(pod["metadata"]?["uid"]) + "-" + name,
                ["ready"] = ready,
                ["started"] = true,
                ["restartCount"] = 0,
                ["state"] = new JsonObject { ["running"] = new JsonObject { ["startedAt"] = KubeTime.Format(startedAt) } },
            });
        }

        return statuses;
    }
}
