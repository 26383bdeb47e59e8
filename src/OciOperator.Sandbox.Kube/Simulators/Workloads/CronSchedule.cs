using System.Globalization;

namespace OciOperator.Sandbox.Kube.Simulators.Workloads;

/// <summary>
/// A CronJob schedule as the controller reads it (standard five fields: minute, hour, day of month, month, day of
/// week; <c>*</c>, <c>?</c>, lists, ranges, steps, month and day names, and the <c>@yearly</c> … <c>@hourly</c>
/// macros). When both day fields are restricted a day matches either, as in cron.
/// </summary>
internal sealed class CronSchedule
{
    private static readonly Dictionary<string, string> Macros = new(StringComparer.OrdinalIgnoreCase)
    {
        ["@yearly"] = "0 0 1 1 *", ["@annually"] = "0 0 1 1 *", ["@monthly"] = "0 0 1 * *", ["@weekly"] = "0 0 * * 0",
        ["@daily"] = "0 0 * * *", ["@midnight"] = "0 0 * * *", ["@hourly"] = "0 * * * *",
    };

    private static readonly string[] MonthNames = ["JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "OCT", "NOV", "DEC"];
    private static readonly string[] DayNames = ["SUN", "MON", "TUE", "WED", "THU", "FRI", "SAT"];

    private readonly bool[] _minutes;
    private readonly bool[] _hours;
    private readonly bool[] _daysOfMonth;
    private readonly bool[] _months;
    private readonly bool[] _daysOfWeek;
    private readonly bool _anyDayOfMonth;
    private readonly bool _anyDayOfWeek;

    private CronSchedule(bool[][] fields, bool anyDayOfMonth, bool anyDayOfWeek)
    {
        (_minutes, _hours, _daysOfMonth, _months, _daysOfWeek) = (fields[0], fields[1], fields[2], fields[3], fields[4]);
        _anyDayOfMonth = anyDayOfMonth;
        _anyDayOfWeek = anyDayOfWeek;
    }

    /// <summary>The schedule, or null with <paramref name="error"/> saying what is wrong.</summary>
    public static CronSchedule? TryParse(string text, out string? error)
    {
        error = null;
        var trimmed = text.Trim();
        if (Macros.TryGetValue(trimmed, out var expanded))
        {
            trimmed = expanded;
        }

        var parts = trimmed.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (parts.Length != 5)
        {
            error = $"expected exactly 5 fields, found {parts.Length}: {text}";
            return null;
        }

        (int Min, int Max, string[]? Names)[] ranges = [(0, 59, null), (0, 23, null), (1, 31, null), (1, 12, MonthNames), (0, 7, DayNames)];
        var fields = new bool[5][];
        for (var i = 0; i < 5; i++)
        {
            fields[i] = ParseField(parts[i], ranges[i].Min, ranges[i].Max, ranges[i].Names, out error)!;
            if (error is not null)
            {
                return null;
            }
        }

        fields[4][0] |= fields[4][7];
        return new CronSchedule(fields, parts[2] is "*" or "?", parts[4] is "*" or "?");
    }

    /// <summary>The first scheduled minute strictly after <paramref name="after"/> in <paramref name="zone"/> (searching 5 years), or null.</summary>
    public DateTimeOffset? Next(DateTimeOffset after, TimeZoneInfo zone)
    {
        var local = TimeZoneInfo.ConvertTime(after, zone);
        var t = new DateTime(local.Year, local.Month, local.Day, local.Hour, local.Minute, 0, DateTimeKind.Unspecified).AddMinutes(1);
        var limit = t.AddYears(5);
        while (t < limit)
        {
            if (!_months[t.Month])
            {
                t = new DateTime(t.Year, t.Month, 1, 0, 0, 0, DateTimeKind.Unspecified).AddMonths(1);
            }
            else if (!DayMatches(t))
            {
                t = t.Date.AddDays(1);
            }
            else if (!_hours[t.Hour])
            {
                t = t.Date.AddHours(t.Hour + 1);
            }
            else if (!_minutes[t.Minute])
            {
                t = t.AddMinutes(1);
            }
            else if (zone.IsInvalidTime(t))
            {
                t = t.AddMinutes(1);
            }
            else
            {
                return new DateTimeOffset(t, zone.GetUtcOffset(t)).ToUniversalTime();
            }
        }

        return null;
    }

    private bool DayMatches(DateTime t)
    {
        var dom = _daysOfMonth[t.Day];
        var dow = _daysOfWeek[(int)t.DayOfWeek];
        return _anyDayOfMonth || _anyDayOfWeek ? dom && dow : dom || dow;
    }

    private static bool[]? ParseField(string field, int min, int max, string[]? names, out string? error)
    {
        error = null;
        var bits = new bool[max + 1];
        foreach (var item in field.Split(','))
        {
            var (range, step) = item.Split('/') switch
            {
                [var r] => (r, 1),
                [var r, var s] when int.TryParse(s, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n > 0 => (r, n),
                _ => (null, 0),
            };
            int from, to;
            if (range is "*" or "?")
            {
                (from, to) = (min, max);
            }
            else if (range?.Split('-') is [var a, var b] && Value(a, names, min) is { } x && Value(b, names, min) is { } y)
            {
                (from, to) = (x, y);
            }
            else if (range is not null && Value(range, names, min) is { } single)
            {
                (from, to) = (single, step > 1 ? max : single);
            }
            else
            {
                error = $"failed to parse int from {item}";
                return null;
            }

            if (from < min || to > max || from > to)
            {
                error = $"end of range ({to}) above maximum ({max}) or beginning of range ({from}) below minimum ({min}): {item}";
                return null;
            }

            for (var v = from; v <= to; v += step)
            {
                bits[v] = true;
            }
        }

        return bits;
    }

    private static int? Value(string text, string[]? names, int min)
    {
        if (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var n))
        {
            return n;
        }

        var index = names is null ? -1 : Array.FindIndex(names, x => string.Equals(x, text, StringComparison.OrdinalIgnoreCase));
        return index < 0 ? null : index + min;
    }
}
