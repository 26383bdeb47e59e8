using System.Text.Json;
using System.Text.Json.Nodes;

namespace OciOperator.Sandbox.Kube.Patching;

/// <summary>The strategic-merge-patch directive keys that kubectl sends (kube-api.md §5.5).</summary>
internal static class PatchDirectives
{
    public const string Patch = "$patch";
    public const string RetainKeys = "$retainKeys";
    public const string DeleteFromPrimitiveListPrefix = "$deleteFromPrimitiveList/";
    public const string SetElementOrderPrefix = "$setElementOrder/";

    public const string Replace = "replace";
    public const string Delete = "delete";
    public const string Merge = "merge";

    /// <summary>The value of the <c>$patch</c> directive of an object, or null; any other type is a 400.</summary>
    public static string? PatchDirectiveOf(JsonObject node)
    {
        if (!node.TryGetPropertyValue(Patch, out var value))
        {
            return null;
        }

        var text = value is JsonValue v && v.GetValueKind() == JsonValueKind.String ? v.GetValue<string>() : null;
        return text switch
        {
            Replace or Delete or Merge => text,
            _ => throw PatchException.BadRequest($"Unknown patch type: {value?.ToJsonString() ?? "null"} in map"),
        };
    }

    /// <summary>A directive's list value (e.g. <c>$retainKeys</c>); anything but an array is a 400.</summary>
    public static JsonArray ListValue(string key, JsonNode? value) =>
        value as JsonArray ?? throw PatchException.BadRequest($"invalid strategic merge patch: {key} must be a list");
}
