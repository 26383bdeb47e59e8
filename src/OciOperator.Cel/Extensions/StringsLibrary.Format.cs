using System.Globalization;
using System.Text;
using OciOperator.Cel.Values;

namespace OciOperator.Cel.Extensions;

/// <summary>The string.format(list) function (cel-go ext/formatting.go).</summary>
internal static partial class StringsLibrary
{
    private static CelValue Format(StringValue fmt, ListValue args)
    {
        var f = fmt.Value;
        var sb = new StringBuilder();
        var argIndex = 0;
        for (var i = 0; i < f.Length; i++)
        {
            if (f[i] != '%')
            {
                sb.Append(f[i]);
                continue;
            }

            i++;
            if (i >= f.Length)
            {
                return new ErrorValue("format: expected a formatting verb after '%'");
            }

            if (f[i] == '%')
            {
                sb.Append('%');
                continue;
            }

            int? precision = null;
            if (f[i] == '.')
            {
                var ps = ++i;
                while (i < f.Length && char.IsAsciiDigit(f[i]))
                {
                    i++;
                }

                if (i - ps > 3 || !int.TryParse(f[ps..i], NumberStyles.None, CultureInfo.InvariantCulture, out var p) || p > 100)
                {
                    return new ErrorValue("format: precision must be at most 100");
                }

                precision = p;
                if (i >= f.Length)
                {
                    return new ErrorValue("format: unexpected end of format string");
                }
            }

            if (argIndex >= args.Count)
            {
                return new ErrorValue($"index {argIndex} out of range");
            }

            var arg = args[argIndex++];
            var piece = f[i] switch
            {
                's' => FormatString(arg),
                'd' => arg switch
                {
                    IntValue iv => iv.Value.ToString(CultureInfo.InvariantCulture),
                    UintValue uv => uv.Value.ToString(CultureInfo.InvariantCulture),
                    DoubleValue { Value: var dv } when !double.IsFinite(dv) => FormatSpecialDouble(dv),
                    _ => null,
                },
                'f' => arg switch
                {
                    DoubleValue dv => FormatFixed(dv.Value, precision ?? 6),
                    IntValue iv => FormatFixed(iv.Value, precision ?? 6),
                    UintValue uv => FormatFixed(uv.Value, precision ?? 6),
                    _ => null,
                },
                'e' => arg switch
                {
                    DoubleValue dv => FormatExp(dv.Value, precision ?? 6),
                    IntValue iv => FormatExp(iv.Value, precision ?? 6),
                    UintValue uv => FormatExp(uv.Value, precision ?? 6),
                    _ => null,
                },
                'b' => arg switch
                {
                    IntValue iv => iv.Value < 0 ? "-" + Convert.ToString(-iv.Value, 2) : Convert.ToString(iv.Value, 2),
                    UintValue uv => ToBase(uv.Value, 2),
                    BoolValue bv => bv.Value ? "1" : "0",
                    _ => null,
                },
                'o' => arg switch
                {
                    IntValue iv => iv.Value < 0 ? "-" + Convert.ToString(-iv.Value, 8) : Convert.ToString(iv.Value, 8),
                    UintValue uv => ToBase(uv.Value, 8),
                    _ => null,
                },
                'x' or 'X' => FormatHex(arg, f[i] == 'X'),
                _ => null,
            };
            if (piece is null)
            {
                return new ErrorValue($"error during formatting: unrecognized formatting clause or argument type for %{f[i]}: {arg.Type}");
            }

            sb.Append(piece);
        }

        return StringValue.Of(sb.ToString());
    }

    private static string ToBase(ulong v, int b)
    {
        if (v == 0)
        {
            return "0";
        }

        var sb = new StringBuilder();
        while (v > 0)
        {
            sb.Insert(0, (char)('0' + (int)(v % (ulong)b)));
            v /= (ulong)b;
        }

        return sb.ToString();
    }

    private static string FormatSpecialDouble(double d) => double.IsNaN(d) ? "NaN" : d > 0 ? "Infinity" : "-Infinity";

    private static string FormatFixed(double d, int precision) =>
        double.IsFinite(d) ? d.ToString("F" + precision, CultureInfo.InvariantCulture) : FormatSpecialDouble(d);

    private static string FormatExp(double d, int precision)
    {
        if (!double.IsFinite(d))
        {
            return FormatSpecialDouble(d);
        }

        var s = d.ToString((precision == 0 ? "0" : "0." + new string('0', precision)) + "e+00", CultureInfo.InvariantCulture);
        return s;
    }

    private static string? FormatHex(CelValue arg, bool upper)
    {
        string? s = arg switch
        {
            IntValue iv => iv.Value < 0 ? "-" + (-(Int128)iv.Value).ToString("x", CultureInfo.InvariantCulture) : iv.Value.ToString("x", CultureInfo.InvariantCulture),
            UintValue uv => uv.Value.ToString("x", CultureInfo.InvariantCulture),
            StringValue sv => Convert.ToHexStringLower(Encoding.UTF8.GetBytes(sv.Value)),
            BytesValue bv => Convert.ToHexStringLower(bv.Value.Span),
            _ => null,
        };
        return upper ? s?.ToUpperInvariant() : s;
    }

    private static string? FormatString(CelValue v) => v switch
    {
        StringValue s => s.Value,
        IntValue or UintValue => v is IntValue i ? i.Value.ToString(CultureInfo.InvariantCulture) : ((UintValue)v).Value.ToString(CultureInfo.InvariantCulture),
        DoubleValue d => double.IsFinite(d.Value) ? CelValueFormatter.FormatDouble(d.Value) : FormatSpecialDouble(d.Value),
        BoolValue b => b.Value ? "true" : "false",
        BytesValue b => Encoding.UTF8.GetString(b.Value.Span),
        NullValue => "null",
        TypeValue t => t.Value.Name,
        TimestampValue t => CelValueFormatter.FormatTimestamp(t),
        DurationValue d => CelValueFormatter.FormatDuration(d),
        ListValue l => "[" + string.Join(", ", l.Items().Select(x => FormatNested(x))) + "]",
        MapValue m => "{" + string.Join(", ", m.Entries().Select(e => (FormatNested(e.Key), FormatNested(e.Value))).OrderBy(e => e.Item1, StringComparer.Ordinal).Select(e => e.Item1 + ": " + e.Item2)) + "}",
        _ => null,
    };

    private static string? FormatNested(CelValue v) => FormatString(v);
}
