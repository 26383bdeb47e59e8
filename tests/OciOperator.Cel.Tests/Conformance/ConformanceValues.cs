using System.Globalization;
using System.Text.Json.Nodes;
using OciOperator.Cel.Values;

namespace OciOperator.Cel.Tests.Conformance;

/// <summary>Converts the tagged JSON values of the conformance files to CEL values, and compares strictly.</summary>
internal static class ConformanceValues
{
    public static CelValue? FromJson(JsonObject v)
    {
        if (v.TryGetPropertyValue("int", out var i))
        {
            return IntValue.Of(long.Parse(i!.GetValue<string>(), CultureInfo.InvariantCulture));
        }

        if (v.TryGetPropertyValue("uint", out var u))
        {
            return UintValue.Of(ulong.Parse(u!.GetValue<string>(), CultureInfo.InvariantCulture));
        }

        if (v.TryGetPropertyValue("double", out var d))
        {
            var jv = d!.AsValue();
            return DoubleValue.Of(jv.TryGetValue<double>(out var dd) ? dd : jv.GetValue<string>() switch
            {
                "NaN" => double.NaN,
                "Infinity" or "inf" or "+Inf" => double.PositiveInfinity,
                "-Infinity" or "-inf" or "-Inf" => double.NegativeInfinity,
                var s => double.Parse(s, CultureInfo.InvariantCulture),
            });
        }

        if (v.TryGetPropertyValue("string", out var s1))
        {
            return StringValue.Of(s1!.GetValue<string>());
        }

        if (v.TryGetPropertyValue("bytes", out var b))
        {
            return new BytesValue(Convert.FromBase64String(b!.GetValue<string>()));
        }

        if (v.TryGetPropertyValue("bool", out var bo))
        {
            return BoolValue.Of(bo!.GetValue<bool>());
        }

        if (v.ContainsKey("null"))
        {
            return NullValue.Instance;
        }

        if (v.TryGetPropertyValue("list", out var l))
        {
            var items = new List<CelValue>();
            foreach (var e in l!.AsArray())
            {
                var item = FromJson(e!.AsObject());
                if (item is null)
                {
                    return null;
                }

                items.Add(item);
            }

            return new ArrayListValue([.. items]);
        }

        if (v.TryGetPropertyValue("map", out var m))
        {
            var entries = new List<KeyValuePair<CelValue, CelValue>>();
            foreach (var e in m!.AsArray())
            {
                var k = FromJson(e!["key"]!.AsObject());
                var val = FromJson(e["value"]!.AsObject());
                if (k is null || val is null)
                {
                    return null;
                }

                entries.Add(new(k, val));
            }

            return DictionaryMapValue.Create(entries);
        }

        if (v.TryGetPropertyValue("type", out var t))
        {
            return new TypeValue(TypeByName(t!.GetValue<string>()));
        }

        if (v.TryGetPropertyValue("object", out var o) && o!["celValue"] is JsonObject cv)
        {
            if (cv["duration"] is { } dur)
            {
                return TimeParsing.ParseDuration(dur.GetValue<string>());
            }

            if (cv["timestamp"] is { } ts)
            {
                return TimeParsing.ParseTimestamp(ts.GetValue<string>());
            }

            return FromJson(cv);
        }

        return null;
    }

    private static CelType TypeByName(string name) => name switch
    {
        "int" => CelType.Int,
        "uint" => CelType.Uint,
        "double" => CelType.Double,
        "bool" => CelType.Bool,
        "string" => CelType.String,
        "bytes" => CelType.Bytes,
        "list" => CelType.ListOfDyn,
        "map" => CelType.MapOfDyn,
        "null_type" => CelType.Null,
        "type" => CelType.TypeOfDyn,
        "google.protobuf.Timestamp" => CelType.Timestamp,
        "google.protobuf.Duration" => CelType.Duration,
        "optional_type" => CelType.OptionalOfDyn,
        _ => CelType.Message(name),
    };

    /// <summary>Strict equality: kinds must match exactly (1 and 1u differ), NaN equals NaN.</summary>
    public static bool StrictEqual(CelValue a, CelValue b)
    {
        switch (a)
        {
            case DoubleValue x when b is DoubleValue y:
                return (double.IsNaN(x.Value) && double.IsNaN(y.Value)) || x.Value.Equals(y.Value);
            case ListValue x when b is ListValue y:
                return x.Count == y.Count && Enumerable.Range(0, x.Count).All(i => StrictEqual(x[i], y[i]));
            case MapValue x when b is MapValue y:
                return x.Count == y.Count && x.Entries().All(e => y.Entries().Any(f => StrictEqual(e.Key, f.Key) && StrictEqual(e.Value, f.Value)));
            default:
                return a.GetType() == b.GetType() && CelEquality.Equal(a, b);
        }
    }
}
