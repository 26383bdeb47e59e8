using System.Text.Json.Nodes;
using OciOperator.Cel.Values;

namespace OciOperator.Cel.Checking;

/// <summary>
/// Maps an OpenAPI v3 schema (as JSON) to a CEL type, like Kubernetes' apiserver CEL: objects with properties become
/// object types with fields, additionalProperties become maps, arrays lists; x-kubernetes-int-or-string and
/// x-kubernetes-preserve-unknown-fields (without properties) become dyn; string formats date-time/duration/byte map
/// to timestamp/duration/bytes.
/// </summary>
public static class OpenApiTypes
{
    private const int MaxDepth = 64;

    public static CelType FromSchema(JsonNode? schema, string typeName = "object") => Convert(schema, typeName, 0);

    /// <summary>The type with the schema's size limit (maxItems, maxProperties or maxLength) as its size hint.</summary>
    private static CelType Convert(JsonNode? node, string name, int depth)
    {
        var type = ConvertType(node, name, depth);
        if (node is not JsonObject s)
        {
            return type;
        }

        var limit = type.Kind switch
        {
            CelTypeKind.List => "maxItems",
            CelTypeKind.Map => "maxProperties",
            CelTypeKind.String or CelTypeKind.Bytes => "maxLength",
            _ => null,
        };
        return limit is not null && s[limit] is JsonValue v && v.TryGetValue<long>(out var max) && max >= 0 ? type.WithMaxSize(max) : type;
    }

    private static CelType ConvertType(JsonNode? node, string name, int depth)
    {
        if (node is not JsonObject s || depth > MaxDepth)
        {
            return CelType.Dyn;
        }

        if (Flag(s, "x-kubernetes-int-or-string"))
        {
            return CelType.Dyn;
        }

        var type = s["type"]?.GetValue<string>();
        var preserve = Flag(s, "x-kubernetes-preserve-unknown-fields");
        switch (type)
        {
            case "boolean":
                return CelType.Bool;
            case "integer":
                return CelType.Int;
            case "number":
                return CelType.Double;
            case "string":
                return s["format"]?.GetValue<string>() switch
                {
                    "date-time" => CelType.Timestamp,
                    "duration" => CelType.Duration,
                    "byte" => CelType.Bytes,
                    _ => CelType.String,
                };
            case "array":
                return CelType.List(Convert(s["items"], name + ".@items", depth + 1));
            case "object" or null:
                if (s["properties"] is JsonObject props && props.Count > 0 && !preserve)
                {
                    var fields = new Dictionary<string, CelType>(StringComparer.Ordinal);
                    foreach (var (field, fieldSchema) in props)
                    {
                        fields[field] = Convert(fieldSchema, name + "." + field, depth + 1);
                    }

                    return CelType.Object(name, fields);
                }

                if (s["additionalProperties"] is JsonObject additional)
                {
                    return CelType.Map(CelType.String, Convert(additional, name + ".@value", depth + 1));
                }

                return type is null && !preserve && s["properties"] is null ? CelType.Dyn : CelType.Map(CelType.String, CelType.Dyn);
            default:
                return CelType.Dyn;
        }
    }

    private static bool Flag(JsonObject s, string name) => s[name] is JsonValue v && v.TryGetValue<bool>(out var b) && b;
}
