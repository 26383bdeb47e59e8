using System.Globalization;
using System.Text;

namespace OciOperator.Cel.Values;

/// <summary>Go's time.Duration text form ("1h0m0s", "1.5s", "300ms") as used by Kubernetes and kro.</summary>
internal static class GoDuration
{
    public static string Format(Int128 nanos)
    {
        if (nanos == 0)
        {
            return "0s";
        }

        var sb = new StringBuilder();
        if (nanos < 0)
        {
            sb.Append('-');
            nanos = -nanos;
        }

        if (nanos < 1_000_000_000)
        {
            if (nanos < 1000)
            {
                return sb.Append(nanos.ToString(CultureInfo.InvariantCulture)).Append("ns").ToString();
            }

            if (nanos < 1_000_000)
            {
                return sb.Append(Frac(nanos, 1000)).Append("µs").ToString();
            }

            return sb.Append(Frac(nanos, 1_000_000)).Append("ms").ToString();
        }

        var hours = nanos / 3_600_000_000_000;
        var rem = nanos % 3_600_000_000_000;
        var minutes = rem / 60_000_000_000;
        rem %= 60_000_000_000;
        if (hours > 0)
        {
            sb.Append(hours.ToString(CultureInfo.InvariantCulture)).Append('h');
        }

        if (hours > 0 || minutes > 0)
        {
            sb.Append(minutes.ToString(CultureInfo.InvariantCulture)).Append('m');
        }

        return sb.Append(Frac(rem, 1_000_000_000)).Append('s').ToString();
    }

    private static string Frac(Int128 value, long unit)
    {
        var whole = value / unit;
        var frac = (long)(value % unit);
        var s = whole.ToString(CultureInfo.InvariantCulture);
        if (frac == 0)
        {
            return s;
        }

        var digits = unit.ToString(CultureInfo.InvariantCulture).Length - 1;
        return s + "." + frac.ToString(CultureInfo.InvariantCulture).PadLeft(digits, '0').TrimEnd('0');
    }
}
