using System.Text.Json;
using System.Text.Json.Nodes;
using OciOperator.Sandbox.Kube.Schema;
using OciOperator.Sandbox.Kube.Storage;
using static OciOperator.Sandbox.Kube.Semantics.JsonDefaults;

namespace OciOperator.Sandbox.Kube.Semantics;

/// <summary>
/// core/v1 Service: type and policy defaults, a cluster IP and node ports from the allocator (kept across updates,
/// freed on deletion), target ports, and the load-balancer status shape.
/// </summary>
internal sealed class ServiceStrategy(ClusterAddressAllocator allocator) : IKindStrategy
{
    public void PrepareForCreate(JsonObject obj, List<FieldError> errors) => Write(obj, null, errors);

    public void PrepareForUpdate(JsonObject obj, JsonObject old, List<FieldError> errors) => Write(obj, old, errors);

    /// <summary>Frees what a deleted object held (Service addresses).</summary>
    public void Released(JsonObject obj) => allocator.Release(ClusterIp(obj), NodePorts(obj));

    /// <summary>A dry run allocated the addresses its result holds and the stored object does not: free those.</summary>
    public void DryRunDiscarded(JsonObject result, JsonObject? current)
    {
        var ip = ClusterIp(result);
        var keptPorts = current is null ? [] : NodePorts(current).ToHashSet();
        allocator.Release(ip is not null && ip != (current is null ? null : ClusterIp(current)) ? ip : null,
            NodePorts(result).Where(p => !keptPorts.Contains(p)));
    }

    private static string? ClusterIp(JsonObject obj) =>
        obj["spec"]?["clusterIP"] is JsonValue v && v.TryGetValue<string>(out var s) && s is not ("" or "None") ? s : null;

    private static IEnumerable<long> NodePorts(JsonObject obj) =>
        (obj["spec"]?["ports"] as JsonArray ?? []).OfType<JsonObject>()
            .Select(p => ObjectMeta.Int64(p["nodePort"]))
            .Where(p => p > 0);

    private void Write(JsonObject obj, JsonObject? old, List<FieldError> errors)
    {
        var spec = Child(obj, "spec");
        Default(spec, "type", "ClusterIP");
        Default(spec, "sessionAffinity", "None");
        Default(spec, "internalTrafficPolicy", "Cluster");
        var type = spec["type"]?.GetValueKind() == JsonValueKind.String ? spec["type"]!.GetValue<string>() : "ClusterIP";
        if (type is not ("ClusterIP" or "NodePort" or "LoadBalancer" or "ExternalName"))
        {
            errors.Add(FieldError.NotSupported("spec.type", type, ["ClusterIP", "ExternalName", "LoadBalancer", "NodePort"]));
            return;
        }

        if (type is "NodePort" or "LoadBalancer")
        {
            Default(spec, "externalTrafficPolicy", "Cluster");
        }

        if (type == "LoadBalancer")
        {
            Default(spec, "allocateLoadBalancerNodePorts", true);
        }

        var oldIp = old?["spec"]?["clusterIP"] is JsonValue ov && ov.TryGetValue<string>(out var o) ? o : null;
        var ip = spec["clusterIP"] is JsonValue iv && iv.TryGetValue<string>(out var i) ? i : null;
        if (type != "ExternalName")
        {
            if (string.IsNullOrEmpty(ip))
            {
                ip = oldIp ?? allocator.NextClusterIp();
            }
            else if (oldIp is null)
            {
                allocator.Reserve(ip);
            }
            else if (ip != oldIp)
            {
                errors.Add(FieldError.Invalid("spec.clusterIPs[0]", ip, "may not change once set"));
            }

            spec["clusterIP"] = ip;
            spec["clusterIPs"] = new JsonArray(ip);
            Default(spec, "ipFamilies", new JsonArray("IPv4"));
            Default(spec, "ipFamilyPolicy", "SingleStack");
        }

        if (spec["ports"] is JsonArray ports)
        {
            for (var n = 0; n < ports.Count; n++)
            {
                if (ports[n] is not JsonObject port)
                {
                    continue;
                }

                Default(port, "protocol", "TCP");
                if (port["targetPort"] is null && port["port"] is { } p)
                {
                    port["targetPort"] = p.DeepClone();
                }

                if (type is "NodePort" or "LoadBalancer" && port["nodePort"] is null)
                {
                    var previous = (old?["spec"]?["ports"] as JsonArray)?.OfType<JsonObject>()
                        .FirstOrDefault(x => JsonNode.DeepEquals(x["port"], port["port"]))?["nodePort"];
                    port["nodePort"] = previous?.DeepClone() ?? allocator.NextNodePort();
                }
            }
        }

        if (obj["status"]?["loadBalancer"]?["ingress"] is JsonArray ingress)
        {
            foreach (var entry in ingress.OfType<JsonObject>())
            {
                if (entry["ip"] is not null)
                {
                    Default(entry, "ipMode", "VIP");
                }
            }
        }
        else if (old is null)
        {
            obj["status"] = new JsonObject { ["loadBalancer"] = new JsonObject() };
        }
    }
}
