using System.Globalization;
using System.Text.RegularExpressions;

namespace OciOperator.Cel.Values;

/// <summary>Parsing of RFC 3339 timestamps, Go-style durations and time zone names/offsets.</summary>
internal static partial class TimeParsing
{
    [GeneratedRegex(@"^(\d{4})-(\d{2})-(\d{2})[Tt](\d{2}):(\d{2}):(\d{2})(?:\.(\d{1,9}))?(?:([Zz])|([+-])(\d{2}):(\d{2}))$", RegexOptions.CultureInvariant)]
    private static partial Regex Rfc3339();

    [GeneratedRegex(@"^([+-]?)(\d{1,2}):(\d{2})$", RegexOptions.CultureInvariant)]
    private static partial Regex OffsetPattern();

    public static CelValue ParseTimestamp(string text)
    {
        var m = Rfc3339().Match(text);
        if (!m.Success)
        {
            return new ErrorValue($"invalid timestamp '{text}'");
        }

        int G(int i) => int.Parse(m.Groups[i].Value, CultureInfo.InvariantCulture);
        var (year, month, day, hour, minute, second) = (G(1), G(2), G(3), G(4), G(5), G(6));
        if (year < 1 || month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(Math.Max(year, 1), month) || hour > 23 || minute > 59 || second > 59)
        {
            return new ErrorValue($"timestamp out of range: '{text}'");
        }

        var nanos = m.Groups[7].Success ? int.Parse(m.Groups[7].Value.PadRight(9, '0'), CultureInfo.InvariantCulture) : 0;
        var dt = new DateTime(year, month, day, hour, minute, second, DateTimeKind.Utc);
        var seconds = (long)(dt - DateTime.UnixEpoch).TotalSeconds;
        if (m.Groups[9].Success)
        {
            var offset = (G(10) * 3600) + (G(11) * 60);
            seconds -= m.Groups[9].Value == "-" ? -offset : offset;
        }

        return TimestampValue.Create(((Int128)seconds * 1_000_000_000) + nanos);
    }

    public static CelValue ParseDuration(string text)
    {
        var s = text;
        if (s.Length == 0)
        {
            return new ErrorValue("invalid duration ''");
        }

        var neg = false;
        if (s[0] is '-' or '+')
        {
            neg = s[0] == '-';
            s = s[1..];
        }

        if (s == "0")
        {
            return DurationValue.Create(0);
        }

        if (s.Length == 0)
        {
            return new ErrorValue($"invalid duration '{text}'");
        }

        decimal total = 0;
        var i = 0;
        while (i < s.Length)
        {
            var start = i;
            while (i < s.Length && (char.IsAsciiDigit(s[i]) || s[i] == '.'))
            {
                i++;
            }

            if (start == i || !decimal.TryParse(s[start..i], NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var num))
            {
                return new ErrorValue($"invalid duration '{text}'");
            }

            var us = i;
            while (i < s.Length && !char.IsAsciiDigit(s[i]) && s[i] != '.')
            {
                i++;
            }

            decimal unit = s[us..i] switch
            {
                "ns" => 1m,
                "us" or "µs" or "μs" => 1_000m,
                "ms" => 1_000_000m,
                "s" => 1_000_000_000m,
                "m" => 60_000_000_000m,
                "h" => 3_600_000_000_000m,
                _ => -1m,
            };
            if (unit < 0)
            {
                return new ErrorValue($"invalid duration '{text}': unknown unit '{s[us..i]}'");
            }

            try
            {
                total += num * unit;
            }
            catch (OverflowException)
            {
                return new ErrorValue("duration out of range");
            }

            if (total > 1e21m)
            {
                return new ErrorValue("duration out of range");
            }
        }

        var nanos = (Int128)decimal.Truncate(total);
        return DurationValue.Create(neg ? -nanos : nanos);
    }

    /// <summary>Resolves an IANA zone name or a "[+-]HH:MM" offset to a UTC offset at the given instant.</summary>
    public static TimeSpan? ResolveOffset(string tz, DateTime utc)
    {
        var m = OffsetPattern().Match(tz);
        if (m.Success)
        {
            var span = new TimeSpan(int.Parse(m.Groups[2].Value, CultureInfo.InvariantCulture), int.Parse(m.Groups[3].Value, CultureInfo.InvariantCulture), 0);
            return m.Groups[1].Value == "-" ? -span : span;
        }

        try
        {
            return TimeZoneInfo.FindSystemTimeZoneById(tz).GetUtcOffset(utc);
        }
        catch (Exception e) when (e is TimeZoneNotFoundException or InvalidTimeZoneException or ArgumentException)
        {
            return null;
        }
    }
}
