using System.Globalization;
using System.Text;
using OciOperator.Cel.Values;

namespace OciOperator.Cel.Library;

/// <summary>Type conversions: int, uint, double, string, bytes, bool, dyn, type, timestamp, duration.</summary>
internal static partial class StandardLibrary
{
    private static readonly UTF8Encoding StrictUtf8 = new(false, true);

    private static void RegisterConversions(FunctionRegistry r)
    {
        var i = CelType.Int;
        var u = CelType.Uint;
        var d = CelType.Double;
        var s = CelType.String;
        r.Unary<IntValue>("int", "int64_to_int64", i, i, a => a);
        r.Unary<UintValue>("int", "uint64_to_int64", i, u, a => a.Value > long.MaxValue ? new ErrorValue("range error: uint out of int range") : IntValue.Of((long)a.Value));
        r.Unary<DoubleValue>("int", "double_to_int64", i, d, a => DoubleToInt(a.Value));
        r.Unary<StringValue>("int", "string_to_int64", i, s, a =>
            long.TryParse(a.Value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var v) ? IntValue.Of(v) : new ErrorValue($"cannot convert '{a.Value}' to int"));
        r.Unary<TimestampValue>("int", "timestamp_to_int64", i, CelType.Timestamp, a => IntValue.Of(a.Seconds));

        r.Unary<UintValue>("uint", "uint64_to_uint64", u, u, a => a);
        r.Unary<IntValue>("uint", "int64_to_uint64", u, i, a => a.Value < 0 ? new ErrorValue("range error: negative int to uint") : UintValue.Of((ulong)a.Value));
        r.Unary<DoubleValue>("uint", "double_to_uint64", u, d, a =>
            double.IsNaN(a.Value) || a.Value <= -1 || a.Value >= 18446744073709551616.0 ? new ErrorValue("range error: double out of uint range") : UintValue.Of((ulong)a.Value));
        r.Unary<StringValue>("uint", "string_to_uint64", u, s, a =>
            ulong.TryParse(a.Value, NumberStyles.None, CultureInfo.InvariantCulture, out var v) ? UintValue.Of(v) : new ErrorValue($"cannot convert '{a.Value}' to uint"));

        r.Unary<DoubleValue>("double", "double_to_double", d, d, a => a);
        r.Unary<IntValue>("double", "int64_to_double", d, i, a => DoubleValue.Of(a.Value));
        r.Unary<UintValue>("double", "uint64_to_double", d, u, a => DoubleValue.Of(a.Value));
        r.Unary<StringValue>("double", "string_to_double", d, s, a => ParseDouble(a.Value));

        r.Unary<StringValue>("string", "string_to_string", s, s, a => a);
        r.Unary<IntValue>("string", "int64_to_string", s, i, a => StringValue.OfInt(a.Value));
        r.Unary<UintValue>("string", "uint64_to_string", s, u, a => StringValue.Of(a.Value.ToString(CultureInfo.InvariantCulture)));
        r.Unary<DoubleValue>("string", "double_to_string", s, d, a => StringValue.Of(CelValueFormatter.FormatDouble(a.Value)));
        r.Unary<BoolValue>("string", "bool_to_string", s, CelType.Bool, a => StringValue.Of(a.Value ? "true" : "false"));
        r.Unary<BytesValue>("string", "bytes_to_string", s, CelType.Bytes, a => BytesToString(a));
        r.Unary<TimestampValue>("string", "timestamp_to_string", s, CelType.Timestamp, a => StringValue.Of(CelValueFormatter.FormatTimestamp(a)));
        r.Unary<DurationValue>("string", "duration_to_string", s, CelType.Duration, a => StringValue.Of(CelValueFormatter.FormatDuration(a)));

        r.Unary<BytesValue>("bytes", "bytes_to_bytes", CelType.Bytes, CelType.Bytes, a => a);
        r.Unary<StringValue>("bytes", "string_to_bytes", CelType.Bytes, s, a => new BytesValue(Encoding.UTF8.GetBytes(a.Value)));

        r.Unary<BoolValue>("bool", "bool_to_bool", CelType.Bool, CelType.Bool, a => a);
        r.Unary<StringValue>("bool", "string_to_bool", CelType.Bool, s, a => a.Value switch
        {
            "1" or "t" or "T" or "true" or "TRUE" or "True" => BoolValue.True,
            "0" or "f" or "F" or "false" or "FALSE" or "False" => BoolValue.False,
            _ => new ErrorValue($"Type conversion error: cannot convert '{a.Value}' to bool"),
        });

        r.Unary<CelValue>("dyn", "to_dyn", CelType.Dyn, A, a => a);
        r.Global("type", "type", CelType.TypeOf(A), [A], a => new TypeValue(RuntimeType(a[0])));

        r.Unary<TimestampValue>("timestamp", "timestamp_to_timestamp", CelType.Timestamp, CelType.Timestamp, a => a);
        r.Unary<StringValue>("timestamp", "string_to_timestamp", CelType.Timestamp, s, a => TimeParsing.ParseTimestamp(a.Value));
        r.Unary<IntValue>("timestamp", "int64_to_timestamp", CelType.Timestamp, i, a => TimestampValue.Create((Int128)a.Value * 1_000_000_000));
        r.Unary<DurationValue>("duration", "duration_to_duration", CelType.Duration, CelType.Duration, a => a);
        r.Unary<StringValue>("duration", "string_to_duration", CelType.Duration, s, a => TimeParsing.ParseDuration(a.Value));
    }

    internal static CelType RuntimeType(CelValue v) => v switch
    {
        ListValue => CelType.ListOfDyn,
        MapValue => CelType.MapOfDyn,
        TypeValue => CelType.TypeOfDyn,
        _ => v.Type,
    };

    internal static CelValue DoubleToInt(double v) =>
        double.IsNaN(v) || v <= -9223372036854775808.0 || v >= 9223372036854775807.0
            ? new ErrorValue("range error: double out of int range")
            : IntValue.Of((long)v);

    private static CelValue ParseDouble(string text)
    {
        var t = text switch
        {
            "Inf" or "+Inf" or "inf" or "+inf" or "Infinity" or "+Infinity" => "Infinity",
            "-Inf" or "-inf" or "-Infinity" => "-Infinity",
            "NaN" or "nan" => "NaN",
            _ => text,
        };
        return double.TryParse(t, NumberStyles.Float, CultureInfo.InvariantCulture, out var v)
            ? DoubleValue.Of(v)
            : new ErrorValue($"cannot convert '{text}' to double");
    }

    private static CelValue BytesToString(BytesValue b)
    {
        try
        {
            return StringValue.Of(StrictUtf8.GetString(b.Value.Span));
        }
        catch (DecoderFallbackException)
        {
            return new ErrorValue("invalid UTF-8 in bytes, cannot convert to string");
        }
    }
}
