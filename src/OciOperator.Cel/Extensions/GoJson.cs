using System.Globalization;
using System.Text;
using System.Text.Json;
using OciOperator.Cel.Values;

namespace OciOperator.Cel.Extensions;

/// <summary>
/// JSON as kro's <c>json.marshal</c>/<c>json.unmarshal</c> produce and read it: Go's <c>encoding/json</c> over the Go
/// values kro converts CEL values to (<c>conversion.GoNativeType</c>). Marshal: map keys sorted (by UTF-8 bytes),
/// <c>&lt; &gt; &amp;</c> U+2028 U+2029 and control characters escaped with lower-case hex, other non-ASCII raw, no
/// spaces; bytes base64; durations Go-style; timestamps RFC 3339 in UTC to the second; optionals unwrapped.
/// Unmarshal: every number is a double (Go float64), repeated keys keep the last value.
/// </summary>
internal static class GoJson
{
    private const string Hex = "0123456789abcdef";
    private const int MaxDepth = 10_000;
    private const long ZeroTimeSeconds = -62_135_596_800;

    /// <summary>The JSON text, or an error value with kro's message.</summary>
    public static CelValue Marshal(CelValue value)
    {
        var sb = new StringBuilder();
        return Write(sb, value, 0) is { } problem
            ? new ErrorValue("json.marshal failed to " + problem)
            : StringValue.Of(sb.ToString());
    }

    public static CelValue Unmarshal(string text)
    {
        try
        {
            using var doc = JsonDocument.Parse(text, new JsonDocumentOptions { MaxDepth = MaxDepth });
            return FromElement(doc.RootElement);
        }
        catch (JsonException e)
        {
            return new ErrorValue("json.unmarshal failed to parse JSON: " + e.Message);
        }
        catch (OverflowException)
        {
            return new ErrorValue("json.unmarshal failed to parse JSON: number out of range of float64");
        }
    }

    private static CelValue FromElement(JsonElement e)
    {
        switch (e.ValueKind)
        {
            case JsonValueKind.Object:
                var keys = new List<CelValue>();
                var values = new Dictionary<CelValue, CelValue>(MapKeyComparer.Instance);
                foreach (var p in e.EnumerateObject())
                {
                    var k = StringValue.Of(p.Name);
                    if (!values.ContainsKey(k))
                    {
                        keys.Add(k);
                    }

                    values[k] = FromElement(p.Value);
                }

                return DictionaryMapValue.Create(keys.Select(k => new KeyValuePair<CelValue, CelValue>(k, values[k])).ToList());
            case JsonValueKind.Array:
                return new ArrayListValue([.. e.EnumerateArray().Select(FromElement)]);
            case JsonValueKind.String:
                return StringValue.Of(e.GetString()!);
            case JsonValueKind.Number:
                var d = double.Parse(e.GetRawText(), NumberStyles.Float, CultureInfo.InvariantCulture);
                return double.IsFinite(d) ? DoubleValue.Of(d) : throw new OverflowException();
            case JsonValueKind.True:
                return BoolValue.True;
            case JsonValueKind.False:
                return BoolValue.False;
            default:
                return NullValue.Instance;
        }
    }

    /// <summary>Appends the value's JSON; returns what failed (after "failed to ") or null.</summary>
    private static string? Write(StringBuilder sb, CelValue value, int depth)
    {
        if (depth > MaxDepth)
        {
            return "encode value: json: exceeded max depth";
        }

        switch (value)
        {
            case NullValue:
                sb.Append("null");
                return null;
            case BoolValue b:
                sb.Append(b.Value ? "true" : "false");
                return null;
            case IntValue i:
                sb.Append(i.Value.ToString(CultureInfo.InvariantCulture));
                return null;
            case UintValue u:
                sb.Append(u.Value.ToString(CultureInfo.InvariantCulture));
                return null;
            case DoubleValue d:
                if (!double.IsFinite(d.Value))
                {
                    return "encode value: json: unsupported value: " + (double.IsNaN(d.Value) ? "NaN" : d.Value > 0 ? "+Inf" : "-Inf");
                }

                sb.Append(FormatFloat(d.Value));
                return null;
            case StringValue s:
                WriteString(sb, s.Value);
                return null;
            case BytesValue bytes:
                WriteString(sb, Convert.ToBase64String(bytes.Value.Span));
                return null;
            case DurationValue dur:
                WriteString(sb, GoDuration.Format(dur.Nanos));
                return null;
            case TimestampValue t when t.Seconds == ZeroTimeSeconds && t.Nanos == 0:
                // metav1.Time's zero value (0001-01-01T00:00:00Z) is null.
                sb.Append("null");
                return null;
            case TimestampValue t:
                // metav1.Time: RFC 3339 in UTC to the second.
                WriteString(sb, DateTime.UnixEpoch.AddSeconds(t.Seconds).ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture));
                return null;
            case OptionalValue o:
                return o.Value is null ? Write(sb, NullValue.Instance, depth) : Write(sb, o.Value, depth);
            case ListValue l:
                sb.Append('[');
                for (var i = 0; i < l.Count; i++)
                {
                    if (i > 0)
                    {
                        sb.Append(',');
                    }

                    if (Write(sb, l[i], depth + 1) is { } problem)
                    {
                        return problem;
                    }
                }

                sb.Append(']');
                return null;
            case MapValue m:
                return WriteMap(sb, m, depth);
            default:
                return $"convert value: unsupported type: {value.Type}";
        }
    }

    private static string? WriteMap(StringBuilder sb, MapValue m, int depth)
    {
        var entries = new List<(string Key, CelValue Value)>(m.Count);
        foreach (var (k, v) in m.Entries())
        {
            if (k is not StringValue key)
            {
                return $"convert value: failed to convert map key: map key must be string, got {GoTypeName(k)}";
            }

            entries.Add((key.Value, v));
        }

        entries.Sort((a, b) => CompareUtf8(a.Key, b.Key));
        sb.Append('{');
        for (var i = 0; i < entries.Count; i++)
        {
            if (i > 0)
            {
                sb.Append(',');
            }

            WriteString(sb, entries[i].Key);
            sb.Append(':');
            if (Write(sb, entries[i].Value, depth + 1) is { } problem)
            {
                return problem;
            }
        }

        sb.Append('}');
        return null;
    }

    private static string GoTypeName(CelValue v) => v switch
    {
        IntValue => "int64",
        UintValue => "uint64",
        BoolValue => "bool",
        _ => v.Type.ToString(),
    };

    /// <summary>Go's byte-wise order of UTF-8 strings is code-point order (not UTF-16 order).</summary>
    internal static int CompareUtf8(string a, string b)
    {
        var ea = a.EnumerateRunes();
        var eb = b.EnumerateRunes();
        while (true)
        {
            var ma = ea.MoveNext();
            var mb = eb.MoveNext();
            if (!ma || !mb)
            {
                return ma == mb ? 0 : ma ? 1 : -1;
            }

            var c = ea.Current.Value.CompareTo(eb.Current.Value);
            if (c != 0)
            {
                return c;
            }
        }
    }

    /// <summary>Go's encoding/json string encoding with HTML escaping (the default of json.Marshal).</summary>
    internal static void WriteString(StringBuilder sb, string s)
    {
        sb.Append('"');
        for (var i = 0; i < s.Length; i++)
        {
            var c = s[i];
            switch (c)
            {
                case '"':
                    sb.Append("\\\"");
                    break;
                case '\\':
                    sb.Append("\\\\");
                    break;
                case '\b':
                    sb.Append("\\b");
                    break;
                case '\f':
                    sb.Append("\\f");
                    break;
                case '\n':
                    sb.Append("\\n");
                    break;
                case '\r':
                    sb.Append("\\r");
                    break;
                case '\t':
                    sb.Append("\\t");
                    break;
                case < ' ' or '<' or '>' or '&' or '\u2028' or '\u2029':
                    sb.Append("\\u").Append(Hex[c >> 12]).Append(Hex[(c >> 8) & 0xF]).Append(Hex[(c >> 4) & 0xF]).Append(Hex[c & 0xF]);
                    break;
                default:
                    if (char.IsHighSurrogate(c) && i + 1 < s.Length && char.IsLowSurrogate(s[i + 1]))
                    {
                        sb.Append(c).Append(s[++i]);
                    }
                    else if (char.IsSurrogate(c))
                    {
                        // A lone surrogate is invalid UTF-8 to Go: replaced by U+FFFD, escaped.
                        sb.Append("\\ufffd");
                    }
                    else
                    {
                        sb.Append(c);
                    }

                    break;
            }
        }

        sb.Append('"');
    }

    /// <summary>
    /// Go's float64 encoding: the shortest representation that round-trips, in fixed notation unless the magnitude is
    /// below 1e-6 or at least 1e21, where it is exponent notation with a two-digit minimum positive exponent
    /// (<c>1e+21</c>) and single-digit negative exponents cleaned (<c>1e-7</c>).
    /// </summary>
    internal static string FormatFloat(double v)
    {
        if (v == 0)
        {
            return double.IsNegative(v) ? "-0" : "0";
        }

        // Shortest round-trip digits and the decimal exponent, from .NET's "E16"-free shortest form.
        var r = v.ToString("R", CultureInfo.InvariantCulture);
        var negative = r[0] == '-';
        if (negative)
        {
            r = r[1..];
        }

        var ePos = r.IndexOfAny(['E', 'e']);
        var exp = ePos < 0 ? 0 : int.Parse(r[(ePos + 1)..], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture);
        var mantissa = ePos < 0 ? r : r[..ePos];
        var dot = mantissa.IndexOf('.', StringComparison.Ordinal);
        var intPart = dot < 0 ? mantissa : mantissa[..dot];
        var frac = dot < 0 ? string.Empty : mantissa[(dot + 1)..];
        var digits = (intPart + frac).TrimStart('0');
        var pointPos = intPart.Length + exp - ((intPart + frac).Length - (intPart + frac).TrimStart('0').Length);
        digits = digits.TrimEnd('0');
        if (digits.Length == 0)
        {
            return negative ? "-0" : "0";
        }

        // value = 0.d1d2d3... × 10^pointPos
        var abs = Math.Abs(v);
        var sb = new StringBuilder();
        if (negative)
        {
            sb.Append('-');
        }

        if (abs < 1e-6 || abs >= 1e21)
        {
            var e = pointPos - 1;
            sb.Append(digits[0]);
            if (digits.Length > 1)
            {
                sb.Append('.').Append(digits, 1, digits.Length - 1);
            }

            sb.Append('e').Append(e < 0 ? '-' : '+');
            var magnitude = Math.Abs(e).ToString(CultureInfo.InvariantCulture);
            sb.Append(e >= 0 && magnitude.Length < 2 ? "0" + magnitude : magnitude);
            return sb.ToString();
        }

        if (pointPos <= 0)
        {
            sb.Append("0.").Append('0', -pointPos).Append(digits);
        }
        else if (pointPos >= digits.Length)
        {
            sb.Append(digits).Append('0', pointPos - digits.Length);
        }
        else
        {
            sb.Append(digits, 0, pointPos).Append('.').Append(digits, pointPos, digits.Length - pointPos);
        }

        return sb.ToString();
    }
}
