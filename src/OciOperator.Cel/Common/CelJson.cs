using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using OciOperator.Cel.Values;

namespace OciOperator.Cel.Common;

/// <summary>Conversions between JSON (System.Text.Json) and CEL values.</summary>
public static class CelJson
{
    /// <summary>
    /// Wraps a JSON node as a CEL value without copying (objects and arrays are lazy views). When a schema-derived
    /// type is given (see <c>OpenApiTypes</c>), scalars follow it: numbers in double fields are doubles even when
    /// integral, date-time strings are timestamps, duration strings durations, byte strings bytes.
    /// </summary>
    public static CelValue FromNode(JsonNode? node, CelType? type = null) => JsonValues.FromNode(node, type);

    /// <summary>Wraps a JSON element as a CEL value without copying.</summary>
    public static CelValue FromElement(JsonElement el) => JsonValues.FromElement(el);

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
