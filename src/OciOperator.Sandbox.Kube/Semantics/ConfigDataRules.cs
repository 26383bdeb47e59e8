using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using OciOperator.Sandbox.Kube.Schema;

namespace OciOperator.Sandbox.Kube.Semantics;

/// <summary>The rules Secrets and ConfigMaps share: valid keys, and data that <c>immutable: true</c> freezes.</summary>
internal static partial class ConfigDataRules
{
    private const string ConfigKeyMessage =
        "a valid config key must consist of alphanumeric characters, '-', '_' or '.' (e.g. 'key.name',  or 'KEY_NAME',  or 'key-name', regex used for validation is '[-._a-zA-Z0-9]+')";

    public static void Keys(JsonObject obj, string field, List<FieldError> errors)
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

    public static void Immutable(JsonObject obj, JsonObject old, string field, List<FieldError> errors)
    {
        if (old["immutable"] is JsonValue v && v.TryGetValue<bool>(out var immutable) && immutable
            && !JsonNode.DeepEquals(obj[field], old[field]))
        {
            errors.Add(FieldError.Forbidden(field, "field is immutable when `immutable` is set"));
        }
    }

    [GeneratedRegex("^[-._a-zA-Z0-9]+$", RegexOptions.CultureInvariant)]
    private static partial Regex ConfigKeyRegex();
}
