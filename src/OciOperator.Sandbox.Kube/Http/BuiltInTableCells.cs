using System.Globalization;
using System.Text.Json.Nodes;
using OciOperator.Sandbox.Kube.Resources;
using OciOperator.Sandbox.Kube.Schema;
using OciOperator.Sandbox.Kube.Storage;

namespace OciOperator.Sandbox.Kube.Http;

/// <summary>
/// Server-side columns of the built-in kinds whose cells are computed rather than read by JSONPath (as the
/// apiserver's printers do): Service PORT(S), Deployment READY, Job COMPLETIONS, selectors as <c>k=v</c>.
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
            _ => [],
        };
    }

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
