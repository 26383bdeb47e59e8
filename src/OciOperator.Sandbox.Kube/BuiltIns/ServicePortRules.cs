using System.Text.Json.Nodes;
using OciOperator.Sandbox.Kube.Schema;

namespace OciOperator.Sandbox.Kube.BuiltIns;

/// <summary>
/// A Service's ports (<c>k8s: pkg/apis/core/validation ValidateService</c>): port and numeric targetPort in 1-65535,
/// nodePort in the node port range, unique port names when there are several ports.
/// </summary>
internal static class ServicePortRules
{
    public const int NodePortMin = 30000;
    public const int NodePortMax = 32767;
    private const string PortRangeMessage = "must be between 1 and 65535, inclusive";

    public static void Validate(JsonObject obj, List<FieldError> errors)
    {
        if (obj["spec"]?["ports"] is not JsonArray ports)
        {
            return;
        }

        var names = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < ports.Count; i++)
        {
            var path = FieldPaths.Index("spec.ports", i);
            if (ports[i] is not JsonObject port)
            {
                continue;
            }

            if (Int(port["port"]) is { } p && p is < 1 or > 65535)
            {
                errors.Add(FieldError.Invalid(path + ".port", JsonValue.Create(p), PortRangeMessage));
            }

            if (Int(port["targetPort"]) is { } target && target is < 1 or > 65535)
            {
                errors.Add(FieldError.Invalid(path + ".targetPort", JsonValue.Create(target), PortRangeMessage));
            }

            if (Int(port["nodePort"]) is { } node && node != 0 && node is < NodePortMin or > NodePortMax)
            {
                errors.Add(FieldError.Invalid(path + ".nodePort", JsonValue.Create(node),
                    $"provided port is not in the valid range. The range of valid ports is {NodePortMin}-{NodePortMax}"));
            }

            var name = port["name"] is JsonValue n && n.TryGetValue<string>(out var s) ? s : "";
            if (ports.Count > 1 && name.Length == 0)
            {
                errors.Add(FieldError.Required(path + ".name"));
            }
            else if (name.Length > 0 && !names.Add(name))
            {
                errors.Add(FieldError.Duplicate(path + ".name", JsonValue.Create(name)));
            }
        }
    }

    private static long? Int(JsonNode? node) => node is JsonValue v && v.TryGetValue<long>(out var l) ? l
        : node is JsonValue d && d.TryGetValue<double>(out var x) && x == Math.Floor(x) ? (long)x : null;
}
