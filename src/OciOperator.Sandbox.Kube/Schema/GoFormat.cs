using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace OciOperator.Sandbox.Kube.Schema;

/// <summary>Prints JSON values the way Go's <c>fmt</c> does in apimachinery error texts (<c>%q</c>, <c>%v</c>).</summary>
internal static class GoFormat
{
    /// <summary>Go <c>strconv.Quote</c>: double quotes, backslash escapes for quotes, backslashes and controls.</summary>
    public static string Quote(string s)
    {
        var sb = new StringBuilder(s.Length + 2).Append('"');
        foreach (var rune in s.EnumerateRunes())
        {
            switch (rune.Value)
            {
                case '"': sb.Append("\\\""); break;
                case '\\': sb.Append("\\\\"); break;
                case '\n': sb.Append("\\n"); break;
                case '\r': sb.Append("\\r"); break;
                case '\t': sb.Append("\\t"); break;
                case '\a': sb.Append("\\a"); break;
                case '\b': sb.Append("\\b"); break;
                case '\f': sb.Append("\\f"); break;
                case '\v': sb.Append("\\v"); break;
                default:
                    if (Rune.IsControl(rune))
                    {
                        sb.Append(rune.Value < 0x80
                            ? "\\x" + rune.Value.ToString("x2", CultureInfo.InvariantCulture)
                            : "\\u" + rune.Value.ToString("x4", CultureInfo.InvariantCulture));
                    }
                    else
                    {
                        sb.Append(rune.ToString());
                    }

                    break;
            }
        }

        return sb.Append('"').ToString();
    }

    /// <summary>
    /// A value as a field error shows it (<c>ErrorBody</c>): strings quoted, numbers and booleans bare, maps and
    /// lists in Go syntax (<c>%#v</c>), e.g. <c>map[string]interface {}{"name":"a"}</c>; null as <c>"null"</c>.
    /// </summary>
    public static string Value(JsonNode? value) => value switch
    {
        null => "\"null\"",
        JsonValue v when v.GetValueKind() == JsonValueKind.String => Quote(v.GetValue<string>()),
        JsonValue v when v.GetValueKind() == JsonValueKind.Number => Number(v),
        JsonValue v => v.ToJsonString(),
        _ => GoSyntax(value, depth: 0),
    };

    /// <summary>Go's <c>%#v</c> of an unstructured JSON value (map keys sorted, as fmt prints maps).</summary>
    public static string GoSyntax(JsonNode? value, int depth)
    {
        if (depth > 64)
        {
            return "...";
        }

        switch (value)
        {
            case null:
                return "interface {}(nil)";
            case JsonObject obj:
                var members = obj.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => Quote(p.Key) + ":" + GoSyntax(p.Value, depth + 1));
                return "map[string]interface {}{" + string.Join(", ", members) + "}";
            case JsonArray array:
                return "[]interface {}{" + string.Join(", ", array.Select(i => GoSyntax(i, depth + 1))) + "}";
            case JsonValue v when v.GetValueKind() == JsonValueKind.String:
                return Quote(v.GetValue<string>());
            case JsonValue v when v.GetValueKind() == JsonValueKind.Number:
                return Number(v);
            default:
                return value.ToJsonString();
        }
    }

    /// <summary>A number as Go's <c>%v</c> prints an <c>int64</c> or <c>float64</c>.</summary>
    public static string Number(JsonValue v)
    {
        if (JsonNumber.TryGetInt64(v, out var l))
        {
            return l.ToString(CultureInfo.InvariantCulture);
        }

        return Number(JsonNumber.ToDouble(v));
    }

    /// <summary>Go's <c>%v</c> of a float64 (shortest form, exponent below 1e-4 and from 1e21).</summary>
    public static string Number(double d)
    {
        if (double.IsPositiveInfinity(d))
        {
            return "+Inf";
        }

        if (double.IsNegativeInfinity(d))
        {
            return "-Inf";
        }

        if (double.IsNaN(d))
        {
            return "NaN";
        }

        var abs = Math.Abs(d);
        if (d == 0 || (abs >= 1e-4 && abs < 1e21))
        {
            return d.ToString("R", CultureInfo.InvariantCulture) switch
            {
                var s when s.Contains('E', StringComparison.Ordinal) => d.ToString("F0", CultureInfo.InvariantCulture),
                var s => s,
            };
        }

        // Go: mantissa 'e' sign two-digit exponent, e.g. 1e+21, 1.5e-05.
        var text = d.ToString("R", CultureInfo.InvariantCulture);
        var e = text.IndexOf('E', StringComparison.Ordinal);
        if (e < 0)
        {
            text = d.ToString("E16", CultureInfo.InvariantCulture);
            e = text.IndexOf('E', StringComparison.Ordinal);
        }

        var mantissa = text[..e];
        var exponent = int.Parse(text[(e + 1)..], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture);
        var sign = exponent < 0 ? "-" : "+";
        return mantissa + "e" + sign + Math.Abs(exponent).ToString("00", CultureInfo.InvariantCulture);
    }
}
