using System.Globalization;
using System.Text.Json.Nodes;
using OciOperator.Sandbox.Kube.Resources;
using OciOperator.Sandbox.Kube.Schema;
using OciOperator.Sandbox.Kube.Storage;

namespace OciOperator.Sandbox.Kube.Http;

/// <summary>
/// Server-side columns of the built-in kinds whose cells are computed rather than read by JSONPath (as the
/// apiserver's printers do): Service PORT(S), Deployment READY, Pod READY/STATUS/RESTARTS, ReplicaSet, StatefulSet
/// and DaemonSet counts, Job COMPLETIONS, selectors as <c>k=v</c>.
/// </summary>
internal static class BuiltInTableCells
{
    public static IReadOnlyList<PrinterColumn>? Columns(ResourceDescriptor d)
    {
        var age = PrinterColumns.DefaultAge;
        return (d.Group, d.Kind) switch
        {
            ("", "Service") => [Text("Type"), Text("Cluster-IP"), Text("External-IP"), Text("Port(s)"), age, Text("Selector", 1)],
            ("apps", "Deployment") => [Text("Ready"), Integer("Up-to-date"), Integer("Available"), age, Text("Containers", 1), Text("Images", 1), Text("Selector", 1)],
            ("batch", "Job") => [Text("Status"), Text("Completions"), age],
            ("", "Pod") => [Text("Ready"), Text("Status"), Text("Restarts"), age, Text("IP", 1), Text("Node", 1), Text("Nominated Node", 1), Text("Readiness Gates", 1)],
            ("", "Node") => [Text("Status"), Text("Roles"), age, Text("Version"), Text("Internal-IP", 1), Text("External-IP", 1), Text("OS-Image", 1), Text("Kernel-Version", 1), Text("Container-Runtime", 1)],
            ("apps", "ReplicaSet") => [Integer("Desired"), Integer("Current"), Integer("Ready"), age, Text("Containers", 1), Text("Images", 1), Text("Selector", 1)],
            ("apps", "StatefulSet") => [Text("Ready"), age, Text("Containers", 1), Text("Images", 1)],
            ("apps", "DaemonSet") => [Integer("Desired"), Integer("Current"), Integer("Ready"), Integer("Up-to-date"), Integer("Available"), Text("Node Selector"), age, Text("Containers", 1), Text("Images", 1), Text("Selector", 1)],
            _ => null,
        };
    }

    public static JsonArray Cells(ResourceDescriptor d, JsonObject obj, DateTimeOffset now)
    {
        var age = PrinterColumns.RenderCells(obj, [PrinterColumns.DefaultAge], now)[0]?.DeepClone();
        var spec = obj["spec"] as JsonObject;
        var status = obj["status"] as JsonObject;
        return (d.Group, d.Kind) switch
        {
            ("", "Service") => new JsonArray(
                Str(spec?["type"]), Str(spec?["clusterIP"]) is { Length: > 0 } ip ? ip : "<none>", ExternalIp(spec, status), Ports(spec), age, Selector(spec?["selector"])),
            ("apps", "Deployment") => new JsonArray(
                $"{ObjectMeta.Int64(status?["readyReplicas"])}/{ObjectMeta.Int64(spec?["replicas"])}",
                ObjectMeta.Int64(status?["updatedReplicas"]), ObjectMeta.Int64(status?["availableReplicas"]), age,
                Containers(spec, "name"), Containers(spec, "image"), Selector(spec?["selector"]?["matchLabels"])),
            ("batch", "Job") => new JsonArray(
                JobStatus(status), $"{ObjectMeta.Int64(status?["succeeded"])}/{(spec?["completions"] is null ? 1 : ObjectMeta.Int64(spec["completions"]))}", age),
            ("", "Pod") => PodCells(obj, spec, status, age),
            ("", "Node") => NodeCells(obj, spec, status, age),
            ("apps", "ReplicaSet") => new JsonArray(
                ObjectMeta.Int64(spec?["replicas"]), ObjectMeta.Int64(status?["replicas"]), ObjectMeta.Int64(status?["readyReplicas"]), age,
                Containers(spec, "name"), Containers(spec, "image"), MatchLabels(spec?["selector"])),
            ("apps", "StatefulSet") => new JsonArray(
                $"{ObjectMeta.Int64(status?["readyReplicas"])}/{(spec?["replicas"] is null ? 1 : ObjectMeta.Int64(spec["replicas"]))}", age,
                Containers(spec, "name"), Containers(spec, "image")),
            ("apps", "DaemonSet") => new JsonArray(
                ObjectMeta.Int64(status?["desiredNumberScheduled"]), ObjectMeta.Int64(status?["currentNumberScheduled"]), ObjectMeta.Int64(status?["numberReady"]),
                ObjectMeta.Int64(status?["updatedNumberScheduled"]), ObjectMeta.Int64(status?["numberAvailable"]),
                Selector(spec?["template"]?["spec"]?["nodeSelector"]), age, Containers(spec, "name"), Containers(spec, "image"), MatchLabels(spec?["selector"])),
            _ => [],
        };
    }

    /// <summary>READY as ready/total containers; STATUS the waiting or terminated reason, else the phase, or Terminating.</summary>
    private static JsonArray PodCells(JsonObject pod, JsonObject? spec, JsonObject? status, JsonNode? age)
    {
        var containers = (spec?["containers"] as JsonArray)?.Count ?? 0;
        var statuses = (status?["containerStatuses"] as JsonArray)?.OfType<JsonObject>().ToList() ?? [];
        var ready = statuses.Count(c => c["ready"] is JsonValue v && v.TryGetValue<bool>(out var b) && b);
        var restarts = statuses.Sum(c => ObjectMeta.Int64(c["restartCount"]));
        var reason = Str(status?["reason"]) is { Length: > 0 } r ? r : Str(status?["phase"]);
        foreach (var c in statuses)
        {
            if (Str(c["state"]?["waiting"]?["reason"]) is { Length: > 0 } waiting)
            {
                reason = waiting;
            }
            else if (Str(c["state"]?["terminated"]?["reason"]) is { Length: > 0 } terminated)
            {
                reason = terminated;
            }
        }

        if (pod["metadata"]?["deletionTimestamp"] is not null)
        {
            reason = "Terminating";
        }

        var ip = Str(status?["podIP"]) is { Length: > 0 } podIp ? podIp : "<none>";
        var node = Str(spec?["nodeName"]) is { Length: > 0 } n ? n : "<none>";
        var gates = (spec?["readinessGates"] as JsonArray)?.Count ?? 0;
        return new JsonArray($"{ready}/{containers}", reason, restarts, age, ip, node, "<none>", gates == 0 ? "<none>" : $"0/{gates}");
    }

    private static JsonArray NodeCells(JsonObject node, JsonObject? spec, JsonObject? status, JsonNode? age)
    {
        var ready = (status?["conditions"] as JsonArray)?.OfType<JsonObject>().FirstOrDefault(c => Str(c["type"]) == "Ready");
        var state = Str(ready?["status"]) == "True" ? "Ready" : "NotReady";
        if (spec?["unschedulable"] is JsonValue u && u.TryGetValue<bool>(out var off) && off)
        {
            state += ",SchedulingDisabled";
        }

        const string RolePrefix = "node-role.kubernetes.io/";
        var roles = (node["metadata"]?["labels"] as JsonObject)?.Select(p => p.Key).Where(k => k.StartsWith(RolePrefix, StringComparison.Ordinal))
            .Select(k => k[RolePrefix.Length..]).ToList() ?? [];
        string Address(string type) =>
            (status?["addresses"] as JsonArray)?.OfType<JsonObject>().Where(a => Str(a["type"]) == type).Select(a => Str(a["address"])).FirstOrDefault() ?? "<none>";
        var info = status?["nodeInfo"];
        return new JsonArray(state, roles.Count == 0 ? "<none>" : string.Join(',', roles), age, Str(info?["kubeletVersion"]),
            Address("InternalIP"), Address("ExternalIP"), Str(info?["osImage"]), Str(info?["kernelVersion"]), Str(info?["containerRuntimeVersion"]));
    }

    private static string MatchLabels(JsonNode? selector) => Selector(selector?["matchLabels"]);

    private static PrinterColumn Text(string name, int priority = 0) => new(name, "string", null, name, priority, "");

    private static PrinterColumn Integer(string name) => new(name, "integer", null, name, 0, "");

    private static string Str(JsonNode? node) => node is JsonValue v && v.TryGetValue<string>(out var s) ? s : "";

    private static string ExternalIp(JsonObject? spec, JsonObject? status)
    {
        var ingress = (status?["loadBalancer"]?["ingress"] as JsonArray)?.OfType<JsonObject>()
            .Select(i => Str(i["ip"]) is { Length: > 0 } ip ? ip : Str(i["hostname"])).Where(s => s.Length > 0).ToList() ?? [];
        if (ingress.Count > 0)
        {
            return string.Join(',', ingress);
        }

        return Str(spec?["type"]) == "LoadBalancer" ? "<pending>" : "<none>";
    }

    private static string Ports(JsonObject? spec)
    {
        var ports = (spec?["ports"] as JsonArray)?.OfType<JsonObject>().Select(p =>
        {
            var port = ObjectMeta.Int64(p["port"]).ToString(CultureInfo.InvariantCulture);
            var nodePort = ObjectMeta.Int64(p["nodePort"]);
            var protocol = Str(p["protocol"]) is { Length: > 0 } pr ? pr : "TCP";
            return nodePort > 0 ? $"{port}:{nodePort}/{protocol}" : $"{port}/{protocol}";
        }).ToList() ?? [];
        return ports.Count == 0 ? "<none>" : string.Join(',', ports);
    }

    private static string Selector(JsonNode? selector) =>
        selector is JsonObject map && map.Count > 0 ? string.Join(',', map.Select(p => p.Key + "=" + Str(p.Value))) : "<none>";

    private static string Containers(JsonObject? spec, string field) =>
        string.Join(',', (spec?["template"]?["spec"]?["containers"] as JsonArray)?.OfType<JsonObject>().Select(c => Str(c[field])) ?? []);

    private static string JobStatus(JsonObject? status)
    {
        var conditions = (status?["conditions"] as JsonArray)?.OfType<JsonObject>().ToList() ?? [];
        if (conditions.Any(c => Str(c["type"]) == "Complete" && Str(c["status"]) == "True"))
        {
            return "Complete";
        }

        if (conditions.Any(c => Str(c["type"]) == "Failed" && Str(c["status"]) == "True"))
        {
            return "Failed";
        }

        return "Running";
    }
}
