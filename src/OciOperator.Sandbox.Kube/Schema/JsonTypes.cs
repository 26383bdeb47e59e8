using System.Text.Json;
using System.Text.Json.Nodes;

namespace OciOperator.Sandbox.Kube.Schema;

/// <summary>OpenAPI type names of JSON values, as kube-openapi reports them.</summary>
internal static class JsonTypes
{
    public const string Object = "object";
    public const string Array = "array";
    public const string String = "string";
    public const string Integer = "integer";
    public const string Number = "number";
    public const string Boolean = "boolean";
    public const string Null = "null";

    /// <summary>The type name of a value; numbers with an integer literal are <c>integer</c>.</summary>
    public static string Of(JsonNode? value) => value switch
    {
        null => Null,
        JsonObject => Object,
        JsonArray => Array,
        JsonValue v => v.GetValueKind() switch
        {
            JsonValueKind.String => String,
            JsonValueKind.True or JsonValueKind.False => Boolean,
            JsonValueKind.Number => JsonNumber.TryGetInt64(v, out _) ? Integer : Number,
            _ => Null,
        },
        _ => Null,
    };

    /// <summary>Does a value of <paramref name="actual"/> type satisfy the schema type <paramref name="expected"/>?</summary>
    public static bool Satisfies(JsonNode? value, string actual, string expected) => expected switch
    {
        Number => actual is Number or Integer,
        Integer => actual == Integer || (actual == Number && value is JsonValue v && JsonNumber.IsIntegral(v)),
        _ => actual == expected,
    };
}
