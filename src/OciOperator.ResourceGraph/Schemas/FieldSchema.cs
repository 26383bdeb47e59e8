using System.Text.Json.Nodes;

namespace OciOperator.ResourceGraph.Schemas;

/// <summary>
/// A position in an OpenAPI schema while walking a template: the schema of the field (null means "schemaless" —
/// under <c>x-kubernetes-preserve-unknown-fields</c>, where anything goes).
/// </summary>
internal static class FieldSchema
{
    public static bool IsSchemaless(JsonObject? schema) =>
        schema is null || (Flag(schema, "x-kubernetes-preserve-unknown-fields") && schema["properties"] is null);

    public static bool IsIntOrString(JsonObject schema) => Flag(schema, "x-kubernetes-int-or-string");

    public static string? TypeOf(JsonObject? schema) => schema?["type"] is JsonValue v && v.TryGetValue<string>(out var t) ? t : null;

    /// <summary>The schema of property <paramref name="key"/> of an object schema; found=false when it has no such field.</summary>
    public static (JsonObject? Schema, bool Found) Property(JsonObject? schema, string key)
    {
        if (IsSchemaless(schema))
        {
            return (null, true);
        }

        if (schema!["properties"] is JsonObject properties && properties[key] is JsonObject property)
        {
            return (property, true);
        }

        return schema["additionalProperties"] switch
        {
            JsonObject additional => (additional, true),
            JsonValue v when v.TryGetValue<bool>(out var allowed) && allowed => (null, true),
            _ => Flag(schema, "x-kubernetes-preserve-unknown-fields") ? (null, true) : (null, false),
        };
    }

    /// <summary>The schema of the items of an array schema (null when schemaless).</summary>
    public static JsonObject? Items(JsonObject? schema) => IsSchemaless(schema) ? null : schema!["items"] as JsonObject;

    private static bool Flag(JsonObject s, string name) => s[name] is JsonValue v && v.TryGetValue<bool>(out var b) && b;
}
