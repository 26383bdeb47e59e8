using System.Text.Json.Nodes;
using OciOperator.Cel.Values;

namespace OciOperator.ResourceGraph.Checking;

/// <summary>
/// The OpenAPI schema of a status field from the CEL type of its expression (kro <c>conversion_cel_type.go</c>):
/// bool→boolean, int/uint→integer, double→number, string→string, bytes→string/byte, timestamp→string/date-time,
/// lists→array, maps→object with additionalProperties, typed objects→object with properties, dyn/null→any value.
/// </summary>
internal static class StatusSchemaInference
{
    private const int MaxDepth = 32;

    public static JsonObject ToOpenApi(CelType type) => Convert(type, 0);

    private static JsonObject Convert(CelType type, int depth)
    {
        if (depth > MaxDepth)
        {
            return Schemaless();
        }

        return type.Kind switch
        {
            CelTypeKind.Optional => Convert(type.Elem, depth),
            CelTypeKind.Bool => Typed("boolean"),
            CelTypeKind.Int or CelTypeKind.Uint => Typed("integer"),
            CelTypeKind.Double => Typed("number"),
            CelTypeKind.String => Typed("string"),
            CelTypeKind.Bytes => Formatted("byte"),
            CelTypeKind.Timestamp => Formatted("date-time"),
            CelTypeKind.Duration => Formatted("duration"),
            CelTypeKind.List => new JsonObject { ["type"] = "array", ["items"] = Convert(type.Elem, depth + 1) },
            CelTypeKind.Map => new JsonObject { ["type"] = "object", ["additionalProperties"] = Convert(type.Value, depth + 1) },
            CelTypeKind.Message when type.Fields is { Count: > 0 } fields => Struct(fields, depth),
            _ => Schemaless(),
        };
    }

    private static JsonObject Struct(IReadOnlyDictionary<string, CelType> fields, int depth)
    {
        var properties = new JsonObject();
        foreach (var (name, fieldType) in fields.OrderBy(f => f.Key, StringComparer.Ordinal))
        {
            properties[name] = Convert(fieldType, depth + 1);
        }

        return new JsonObject { ["type"] = "object", ["properties"] = properties };
    }

    private static JsonObject Typed(string type) => new() { ["type"] = type };

    private static JsonObject Formatted(string format) => new() { ["type"] = "string", ["format"] = format };

    private static JsonObject Schemaless() => new() { ["x-kubernetes-preserve-unknown-fields"] = true };
}
