using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace OciOperator.Cel.Values;

/// <summary>Conversions between JSON (System.Text.Json) and CEL values.</summary>
public static class CelJson
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
            case JsonValue when type is not null && ConvertScalar(FromNode(node), type) is { } typed:
                return typed;
            case JsonValue v:
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

    private static CelValue? ConvertScalar(CelValue v, CelType type) => (type.Kind, v) switch
    {
        (CelTypeKind.Double, IntValue i) => DoubleValue.Of(i.Value),
        (CelTypeKind.Timestamp, StringValue s) => Library.TimeParsing.ParseTimestamp(s.Value),
        (CelTypeKind.Duration, StringValue s) => Library.TimeParsing.ParseDuration(s.Value),
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

    /// <summary>
    /// Converts a CEL value to JSON: ints/uints as numbers, bytes base64, timestamps RFC 3339, durations
    /// Go-style ("1h0m0s"), optionals as their value or null. Errors throw <see cref="CelEvaluationException"/>.
    /// </summary>
    public static JsonNode? ToNode(CelValue value) => value switch
    {
        NullValue => null,
        BoolValue b => JsonValue.Create(b.Value),
        IntValue i => JsonValue.Create(i.Value),
        UintValue u => JsonValue.Create(u.Value),
        DoubleValue d => double.IsFinite(d.Value) ? JsonValue.Create(d.Value) : JsonValue.Create(CelValueFormatter.FormatDouble(d.Value)),
        StringValue s => JsonValue.Create(s.Value),
        BytesValue b => JsonValue.Create(Convert.ToBase64String(b.Value.Span)),
        TimestampValue t => JsonValue.Create(CelValueFormatter.FormatTimestamp(t)),
        DurationValue d => JsonValue.Create(GoDuration.Format(d.Nanos)),
        TypeValue t => JsonValue.Create(t.Value.Name),
        OptionalValue o => o.Value is null ? null : ToNode(o.Value),
        ListValue l => new JsonArray(l.Items().Select(ToNode).ToArray()),
        MapValue m => ToObject(m),
        ErrorValue e => throw new CelEvaluationException(e.Message),
        OmitValue => throw new CelEvaluationException("omit() is not a value: it can only be the whole result of a template field expression"),
        _ => JsonValue.Create(value.ToString()),
    };

    private static JsonObject ToObject(MapValue m)
    {
        var o = new JsonObject();
        foreach (var (k, v) in m.Entries())
        {
            var key = k switch
            {
                StringValue s => s.Value,
                IntValue i => i.Value.ToString(CultureInfo.InvariantCulture),
                UintValue u => u.Value.ToString(CultureInfo.InvariantCulture),
                BoolValue b => b.Value ? "true" : "false",
                _ => k.ToString(),
            };
            o[key] = ToNode(v);
        }

        return o;
    }
}
