using System.Text.Json;
using System.Text.Json.Nodes;

namespace OciOperator.Cel.Values;

/// <summary>Wraps System.Text.Json nodes and elements as CEL values without copying (the JSON → CEL direction).</summary>
internal static class JsonValues
{
    /// <summary>
    /// Wraps a JSON node as a CEL value without copying (objects and arrays are lazy views). When a schema-derived
    /// type is given (see <c>OpenApiTypes</c>), scalars follow it: numbers in double fields are doubles even when
    /// integral, date-time strings are timestamps, duration strings durations, byte strings bytes.
    /// </summary>
    public static CelValue FromNode(JsonNode? node, CelType? type = null)
    {
        switch (node)
        {
            case null:
                return NullValue.Instance;
            case JsonObject o:
                return new JsonObjectMapValue(o, type);
            case JsonArray a:
                return new JsonArrayListValue(a, type?.Kind == CelTypeKind.List ? type.Elem : null);
            case JsonValue v when type is { Kind: CelTypeKind.Double or CelTypeKind.Timestamp or CelTypeKind.Duration or CelTypeKind.Bytes }:
                // Only these schema types change how a JSON scalar reads (see ConvertScalar).
                return ConvertScalar(FromNode(v), type);
            case JsonValue v:
                // Booleans need no value read (TryGetValue<T> is a generic virtual call, costly on every element of a loop).
                switch (v.GetValueKind())
                {
                    case JsonValueKind.True:
                        return BoolValue.True;
                    case JsonValueKind.False:
                        return BoolValue.False;
                }

                if (v.TryGetValue<JsonElement>(out var el))
                {
                    return FromElement(el);
                }

                if (v.TryGetValue<bool>(out var b))
                {
                    return BoolValue.Of(b);
                }

                if (v.TryGetValue<string>(out var s))
                {
                    return StringValue.Of(s);
                }

                if (v.TryGetValue<long>(out var l))
                {
                    return IntValue.Of(l);
                }

                if (v.TryGetValue<int>(out var i))
                {
                    return IntValue.Of(i);
                }

                if (v.TryGetValue<ulong>(out var ul))
                {
                    return UintValue.Of(ul);
                }

                if (v.TryGetValue<double>(out var d))
                {
                    return DoubleValue.Of(d);
                }

                return FromElement(JsonSerializer.SerializeToElement(v));
            default:
                return NullValue.Instance;
        }
    }

    private static CelValue ConvertScalar(CelValue v, CelType type) => (type.Kind, v) switch
    {
        (CelTypeKind.Double, IntValue i) => DoubleValue.Of(i.Value),
        (CelTypeKind.Timestamp, StringValue s) => TimeParsing.ParseTimestamp(s.Value),
        (CelTypeKind.Duration, StringValue s) => TimeParsing.ParseDuration(s.Value),
        (CelTypeKind.Bytes, StringValue s) => DecodeBase64(s.Value),
        _ => v,
    };

    private static CelValue DecodeBase64(string s)
    {
        try
        {
            return new BytesValue(Convert.FromBase64String(s));
        }
        catch (FormatException)
        {
            return new ErrorValue("invalid base64 in a field of format 'byte'");
        }
    }

    /// <summary>Wraps a JSON element as a CEL value without copying.</summary>
    public static CelValue FromElement(JsonElement el) => el.ValueKind switch
    {
        JsonValueKind.Object => new JsonElementMapValue(el),
        JsonValueKind.Array => new JsonElementListValue(el),
        JsonValueKind.String => StringValue.Of(el.GetString()!),
        JsonValueKind.True => BoolValue.True,
        JsonValueKind.False => BoolValue.False,
        JsonValueKind.Number => el.TryGetInt64(out var l) ? IntValue.Of(l) : DoubleValue.Of(el.GetDouble()),
        _ => NullValue.Instance,
    };
}
