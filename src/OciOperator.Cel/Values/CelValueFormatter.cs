using System.Globalization;
using System.Text;

namespace OciOperator.Cel.Values;

/// <summary>Text forms of values: the CEL <c>string()</c> conversions and a debug form for messages.</summary>
public static class CelValueFormatter
{
    public static string FormatDouble(double d)
    {
        if (double.IsNaN(d))
        {
            return "NaN";
        }

        if (double.IsPositiveInfinity(d))
        {
            return "+Inf";
        }

        if (double.IsNegativeInfinity(d))
        {
            return "-Inf";
        }

        // Go's strconv.FormatFloat(d, 'g', -1, 64): shortest digits, exponent form when exp < -4 || exp >= 6.
        var (neg, digits, exp) = ShortestDigits(d);
        var sb = new StringBuilder();
        if (neg)
        {
            sb.Append('-');
        }

        if (exp < -4 || exp >= 6)
        {
            sb.Append(digits[0]);
            if (digits.Length > 1)
            {
                sb.Append('.').Append(digits, 1, digits.Length - 1);
            }

            sb.Append('e').Append(exp < 0 ? '-' : '+').Append(Math.Abs(exp).ToString("00", CultureInfo.InvariantCulture));
            return sb.ToString();
        }

        if (exp < 0)
        {
            sb.Append("0.").Append('0', -exp - 1).Append(digits);
        }
        else if (digits.Length <= exp + 1)
        {
            sb.Append(digits).Append('0', exp + 1 - digits.Length);
        }
        else
        {
            sb.Append(digits, 0, exp + 1).Append('.').Append(digits, exp + 1, digits.Length - exp - 1);
        }

        return sb.ToString();
    }

    /// <summary>The shortest round-trip decimal digits of <paramref name="d"/> and the decimal exponent of the first digit.</summary>
    internal static (bool Negative, string Digits, int Exponent) ShortestDigits(double d)
    {
        var shortest = d.ToString("R", CultureInfo.InvariantCulture);
        var neg = shortest.StartsWith('-');
        if (neg)
        {
            shortest = shortest[1..];
        }

        var exp = 0;
        var ei = shortest.IndexOfAny(['E', 'e']);
        if (ei >= 0)
        {
            exp = int.Parse(shortest[(ei + 1)..], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture);
            shortest = shortest[..ei];
        }

        var dot = shortest.IndexOf('.', StringComparison.Ordinal);
        var intPart = dot >= 0 ? shortest[..dot] : shortest;
        var fracPart = dot >= 0 ? shortest[(dot + 1)..] : string.Empty;
        var all = intPart + fracPart;
        var lead = 0;
        while (lead < all.Length - 1 && all[lead] == '0')
        {
            lead++;
        }

        var digits = all[lead..].TrimEnd('0');
        if (digits.Length == 0)
        {
            return (neg, "0", 0);
        }

        exp += intPart.Length - 1 - lead;
        return (neg, digits, exp);
    }

    public static string FormatTimestamp(TimestampValue t)
    {
        var dt = DateTime.UnixEpoch.AddSeconds(t.Seconds);
        var sb = new StringBuilder(dt.ToString("yyyy-MM-dd'T'HH:mm:ss", CultureInfo.InvariantCulture));
        if (t.Nanos != 0)
        {
            sb.Append('.').Append(t.Nanos.ToString("D9", CultureInfo.InvariantCulture).TrimEnd('0'));
        }

        return sb.Append('Z').ToString();
    }

    public static string FormatDuration(DurationValue d)
    {
        var nanos = d.Nanos;
        var neg = nanos < 0;
        if (neg)
        {
            nanos = -nanos;
        }

        var secs = nanos / 1_000_000_000;
        var frac = (long)(nanos % 1_000_000_000);
        var sb = new StringBuilder();
        if (neg)
        {
            sb.Append('-');
        }

        sb.Append(secs.ToString(CultureInfo.InvariantCulture));
        if (frac != 0)
        {
            sb.Append('.').Append(frac.ToString("D9", CultureInfo.InvariantCulture).TrimEnd('0'));
        }

        return sb.Append('s').ToString();
    }

    public static string Format(CelValue v)
    {
        var sb = new StringBuilder();
        Append(sb, v);
        return sb.ToString();
    }

    private static void Append(StringBuilder sb, CelValue v)
    {
        switch (v)
        {
            case IntValue i:
                sb.Append(i.Value.ToString(CultureInfo.InvariantCulture));
                break;
            case UintValue u:
                sb.Append(u.Value.ToString(CultureInfo.InvariantCulture)).Append('u');
                break;
            case DoubleValue d:
                sb.Append(FormatDouble(d.Value));
                break;
            case StringValue s:
                sb.Append('\'').Append(s.Value.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("'", "\\'", StringComparison.Ordinal)).Append('\'');
                break;
            case BoolValue b:
                sb.Append(b.Value ? "true" : "false");
                break;
            case BytesValue b:
                sb.Append("b'").Append(Convert.ToBase64String(b.Value.Span)).Append('\'');
                break;
            case NullValue:
                sb.Append("null");
                break;
            case TimestampValue t:
                sb.Append("timestamp('").Append(FormatTimestamp(t)).Append("')");
                break;
            case DurationValue d:
                sb.Append("duration('").Append(FormatDuration(d)).Append("')");
                break;
            case TypeValue t:
                sb.Append(t.Value.Name);
                break;
            case ErrorValue e:
                sb.Append("error(").Append(e.Message).Append(')');
                break;
            case OptionalValue o:
                if (o.Value is null)
                {
                    sb.Append("optional.none()");
                }
                else
                {
                    sb.Append("optional.of(");
                    Append(sb, o.Value);
                    sb.Append(')');
                }

                break;
            case ListValue l:
                sb.Append('[');
                for (var i = 0; i < l.Count; i++)
                {
                    if (i > 0)
                    {
                        sb.Append(", ");
                    }

                    Append(sb, l[i]);
                }

                sb.Append(']');
                break;
            case MapValue m:
                sb.Append('{');
                var first = true;
                foreach (var (k, val) in m.Entries())
                {
                    if (!first)
                    {
                        sb.Append(", ");
                    }

                    first = false;
                    Append(sb, k);
                    sb.Append(": ");
                    Append(sb, val);
                }

                sb.Append('}');
                break;
            default:
                sb.Append(v.GetType().Name);
                break;
        }
    }
}
