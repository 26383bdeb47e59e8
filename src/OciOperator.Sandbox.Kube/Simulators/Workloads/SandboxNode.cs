using System.Net;
using System.Text.Json.Nodes;
using OciOperator.Sandbox.Kube.Simulators.Client;

namespace OciOperator.Sandbox.Kube.Simulators.Workloads;

/// <summary>
/// The one Node the Sandbox's simulated kubelet stands for, registered when the cluster has none (as a kubelet
/// registers itself): Ready, schedulable, with the well-known labels, an address and capacity.
/// </summary>
internal static class SandboxNode
{
    public const string Name = "sandbox-node";

    public static async Task EnsureAsync(KubeRestClient client, ResourceInformer nodes, TimeProvider time, CancellationToken ct)
    {
        await nodes.Synced.WaitAsync(ct).ConfigureAwait(false);
        if (nodes.Items.Any())
        {
            return;
        }

        try
        {
            var created = await client.CreateAsync(WorkloadPaths.Collection(WorkloadPaths.Core, "nodes"), Node(), ct).ConfigureAwait(false);
            nodes.Update(created);
        }
        catch (KubeRequestException ex) when (ex.StatusCode == HttpStatusCode.Conflict)
        {
            return;
        }

        var ready = await client.PatchStatusAsync(WorkloadPaths.Collection(WorkloadPaths.Core, "nodes") + "/" + Name + "/status", Status(time.GetUtcNow()), ct).ConfigureAwait(false);
        if (ready is not null)
        {
            nodes.Update(ready);
        }
    }

    private static JsonObject Node() => new()
    {
        ["apiVersion"] = "v1",
        ["kind"] = "Node",
        ["metadata"] = new JsonObject
        {
            ["name"] = Name,
            ["labels"] = new JsonObject
            {
                ["kubernetes.io/hostname"] = Name,
                ["kubernetes.io/os"] = "linux",
                ["kubernetes.io/arch"] = "amd64",
                ["beta.kubernetes.io/os"] = "linux",
                ["beta.kubernetes.io/arch"] = "amd64",
                ["node-role.kubernetes.io/control-plane"] = "",
            },
        },
        ["spec"] = new JsonObject { ["podCIDR"] = "10.244.0.0/16", ["podCIDRs"] = new JsonArray("10.244.0.0/16") },
    };

    private static JsonObject Status(DateTimeOffset now)
    {
        var stamp = KubeTime.Format(now);
        JsonObject Condition(string type, string status, string reason, string message) => new()
        {
            ["type"] = type, ["status"] = status, ["lastHeartbeatTime"] = stamp, ["lastTransitionTime"] = stamp,
            ["reason"] = reason, ["message"] = message,
        };
        JsonObject Resources() => new() { ["cpu"] = "4", ["memory"] = "16Gi", ["pods"] = "110", ["ephemeral-storage"] = "100Gi" };
        return new JsonObject
        {
            ["conditions"] = new JsonArray(
                Condition("MemoryPressure", "False", "KubeletHasSufficientMemory", "kubelet has sufficient memory available"),
                Condition("DiskPressure", "False", "KubeletHasNoDiskPressure", "kubelet has no disk pressure"),
                Condition("PIDPressure", "False", "KubeletHasSufficientPID", "kubelet has sufficient PID available"),
                Condition("Ready", "True", "KubeletReady", "kubelet is posting ready status")),
            ["addresses"] = new JsonArray(
                new JsonObject { ["type"] = "InternalIP", ["address"] = KubeletReconciler.HostIp },
                new JsonObject { ["type"] = "Hostname", ["address"] = Name }),
            ["capacity"] = Resources(),
            ["allocatable"] = Resources(),
            ["nodeInfo"] = new JsonObject
            {
                ["machineID"] = "", ["systemUUID"] = "", ["bootID"] = "", ["kernelVersion"] = "", ["osImage"] = "OCI Operator Sandbox",
                ["containerRuntimeVersion"] = "simulated://1", ["kubeletVersion"] = "v1.34.0", ["kubeProxyVersion"] = "",
                ["operatingSystem"] = "linux", ["architecture"] = "amd64",
            },
        };
    }
}
