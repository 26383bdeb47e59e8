using System.Text.Json.Nodes;

namespace OciOperator.Sandbox.Kube.Simulators.Client;

/// <summary><c>namespace/name</c> keys and small readers of object fields.</summary>
internal static class ObjectKeys
{
    public static string? KeyOf(JsonNode? obj)
    {
        var name = Text(obj?["metadata"]?["name"]);
        return name is null ? null : (Text(obj?["metadata"]?["namespace"]) ?? "") + "/" + name;
    }

    public static (string Namespace, string Name) Split(string key)
    {
        var slash = key.IndexOf('/', StringComparison.Ordinal);
        return slash < 0 ? ("", key) : (key[..slash], key[(slash + 1)..]);
    }

    public static string? Text(JsonNode? node) =>
        node is JsonValue v && v.GetValueKind() == System.Text.Json.JsonValueKind.String ? v.GetValue<string>() : null;

    public static long? Integer(JsonNode? node) =>
        node is JsonValue v && v.GetValueKind() == System.Text.Json.JsonValueKind.Number
            ? (long)Math.Truncate(double.Parse(v.ToJsonString(), System.Globalization.CultureInfo.InvariantCulture))
            : null;

    public static bool Flag(JsonNode? node) => node is JsonValue v && v.GetValueKind() == System.Text.Json.JsonValueKind.True;

    /// <summary>Compares resourceVersions numerically when both are numbers (the Sandbox's are); otherwise "newer".</summary>
    public static bool IsNewer(JsonNode? candidate, JsonNode? current)
    {
        var a = Text(candidate?["metadata"]?["resourceVersion"]);
        var b = Text(current?["metadata"]?["resourceVersion"]);
        return b is null || a is null || !ulong.TryParse(a, out var x) || !ulong.TryParse(b, out var y) || x >= y;
    }
}
