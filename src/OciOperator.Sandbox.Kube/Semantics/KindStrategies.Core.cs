using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using OciOperator.Sandbox.Kube.Http;
using OciOperator.Sandbox.Kube.Schema;
using OciOperator.Sandbox.Kube.Storage;

namespace OciOperator.Sandbox.Kube.Semantics;

/// <summary>Core/v1 kinds: Namespace, Secret, ConfigMap, Service, Pod.</summary>
internal sealed partial class KindStrategies
{
    private const string ConfigKeyMessage =
        "a valid config key must consist of alphanumeric characters, '-', '_' or '.' (e.g. 'key.name',  or 'KEY_NAME',  or 'key-name', regex used for validation is '[-._a-zA-Z0-9]+')";

    private static void NamespaceCreate(JsonObject obj)
    {
        var name = ObjectMeta.NameOf(obj);
        var labels = ObjectMeta.EnsureMetadata(obj)["labels"] as JsonObject ?? [];
        labels["kubernetes.io/metadata.name"] = name;
        ObjectMeta.EnsureMetadata(obj)["labels"] = labels;
        Child(obj, "spec")["finalizers"] = new JsonArray("kubernetes");
        obj["status"] = new JsonObject { ["phase"] = "Active" };
    }

    private static void NamespaceUpdate(JsonObject obj, JsonObject old)
    {
        var labels = ObjectMeta.EnsureMetadata(obj)["labels"] as JsonObject ?? [];
        labels["kubernetes.io/metadata.name"] = ObjectMeta.NameOf(obj);
        ObjectMeta.EnsureMetadata(obj)["labels"] = labels;
        obj["spec"] = old["spec"]?.DeepClone();
    }

    private static void SecretWrite(JsonObject obj, JsonObject? old, List<FieldError> errors)
    {
        if (obj["stringData"] is JsonObject stringData)
        {
            var data = Child(obj, "data");
            foreach (var (key, value) in stringData)
            {
                var text = value is JsonValue v && v.TryGetValue<string>(out var s) ? s : value?.ToJsonString() ?? "";
                data[key] = Convert.ToBase64String(Encoding.UTF8.GetBytes(text));
            }
        }

        obj.Remove("stringData");
        if (obj["data"] is JsonObject dataMap)
        {
            foreach (var (key, value) in dataMap)
            {
                if (value is null)
                {
                    continue;
                }

                if (value is not JsonValue v || !v.TryGetValue<string>(out var b64) || !IsBase64(b64))
                {
                    // Secret values never appear in messages: only the key is named.
                    throw ApiErrors.BadRequest($"Secret in version \"v1\" cannot be handled as a Secret: illegal base64 data in data[\"{key}\"]");
                }
            }
        }

        ConfigKeys(obj, "data", errors);
        Default(obj, "type", "Opaque");
        if (old is not null)
        {
            if (!JsonNode.DeepEquals(obj["type"], old["type"] ?? "Opaque"))
            {
                errors.Add(FieldError.Invalid("type", obj["type"]?.DeepClone(), "field is immutable"));
            }

            Immutable(obj, old, "data", errors);
        }
    }

    private static bool IsBase64(string text)
    {
        var buffer = new byte[(text.Length * 3 / 4) + 3];
        return Convert.TryFromBase64String(text, buffer, out _);
    }

    private static void ConfigKeys(JsonObject obj, string field, List<FieldError> errors)
    {
        if (obj[field] is not JsonObject map)
        {
            return;
        }

        foreach (var (key, _) in map)
        {
            if (!ConfigKeyRegex().IsMatch(key) || key.Length > 253)
            {
                errors.Add(FieldError.Invalid(field, key, ConfigKeyMessage));
            }
        }
    }

    private void ServiceWrite(JsonObject obj, JsonObject? old, List<FieldError> errors)
    {
        var spec = Child(obj, "spec");
        Default(spec, "type", "ClusterIP");
        Default(spec, "sessionAffinity", "None");
        Default(spec, "internalTrafficPolicy", "Cluster");
        var type = spec["type"]?.GetValueKind() == System.Text.Json.JsonValueKind.String ? spec["type"]!.GetValue<string>() : "ClusterIP";
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

    private static void PodCreate(JsonObject obj)
    {
        var spec = Child(obj, "spec");
        Default(spec, "restartPolicy", "Always");
        Default(spec, "dnsPolicy", "ClusterFirst");
        Default(spec, "schedulerName", "default-scheduler");
        Default(spec, "terminationGracePeriodSeconds", 30);
        obj["status"] = new JsonObject { ["phase"] = "Pending", ["qosClass"] = "BestEffort" };
    }

    [GeneratedRegex("^[-._a-zA-Z0-9]+$", RegexOptions.CultureInvariant)]
    private static partial Regex ConfigKeyRegex();
}
