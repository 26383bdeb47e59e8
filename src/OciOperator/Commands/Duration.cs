using System.Globalization;

namespace OciOperator.Commands;

/// <summary>
/// Durations as kubectl and Go's <c>time.ParseDuration</c> write them (<c>90s</c>, <c>10m</c>, <c>1h30m</c>,
/// <c>500ms</c>), and .NET's constant form (<c>00:10:00</c>). Negative durations are not accepted.
/// </summary>
internal static class Duration
{
    public const string Examples = "10m, 1h30m, 90s, 500ms or 00:10:00";

    public static bool TryParse(string? text, out TimeSpan value)
    {
        value = TimeSpan.Zero;
        if (string.IsNullOrWhiteSpace(text))
        {
            return false;
        }

        text = text.Trim();
        if (text == "0")
        {
            return true;
        }

        if (text.Contains(':', StringComparison.Ordinal))
        {
            return TimeSpan.TryParseExact(text, "c", CultureInfo.InvariantCulture, out value) && value >= TimeSpan.Zero;
        }

        return TryParseGo(text, out value);
    }

    private static bool TryParseGo(string text, out TimeSpan value)
    {
        value = TimeSpan.Zero;
        decimal ticks = 0;
        var i = 0;
        while (i < text.Length)
        {
            var start = i;
            while (i < text.Length && (char.IsAsciiDigit(text[i]) || text[i] == '.'))
            {
                i++;
            }

            if (i == start || !decimal.TryParse(text.AsSpan(start, i - start), NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var number))
            {
                return false;
            }

            var unitStart = i;
            while (i < text.Length && !char.IsAsciiDigit(text[i]) && text[i] != '.')
            {
                i++;
            }

            decimal? perUnit = text[unitStart..i] switch
            {
                "ns" => 0.01m,
                "us" or "µs" => TimeSpan.TicksPerMicrosecond,
                "ms" => TimeSpan.TicksPerMillisecond,
                "s" => TimeSpan.TicksPerSecond,
                "m" => TimeSpan.TicksPerMinute,
                "h" => TimeSpan.TicksPerHour,
                _ => null,
            };
            if (perUnit is not { } unit)
            {
                return false;
            }

            ticks += number * unit;
            if (ticks > TimeSpan.MaxValue.Ticks)
            {
                return false;
            }
        }

        value = TimeSpan.FromTicks((long)ticks);
        return true;
    }
}
