using OciOperator.Cel.Values;

namespace OciOperator.Cel.Library;

/// <summary>Timestamp and duration arithmetic and accessors.</summary>
internal static partial class StandardLibrary
{
    private static void RegisterTime(FunctionRegistry r)
    {
        var ts = CelType.Timestamp;
        var du = CelType.Duration;
        r.Binary<TimestampValue, DurationValue>("_+_", "add_timestamp_duration", ts, ts, du, (a, b) => TimestampValue.Create(a.UnixNanos + b.Nanos));
        r.Binary<DurationValue, TimestampValue>("_+_", "add_duration_timestamp", ts, du, ts, (a, b) => TimestampValue.Create(a.Nanos + b.UnixNanos));
        r.Binary<DurationValue, DurationValue>("_+_", "add_duration_duration", du, du, du, (a, b) => DurationValue.Create(a.Nanos + b.Nanos));
        r.Binary<TimestampValue, TimestampValue>("_-_", "subtract_timestamp_timestamp", du, ts, ts, (a, b) => DurationValue.Create(a.UnixNanos - b.UnixNanos));
        r.Binary<TimestampValue, DurationValue>("_-_", "subtract_timestamp_duration", ts, ts, du, (a, b) => TimestampValue.Create(a.UnixNanos - b.Nanos));
        r.Binary<DurationValue, DurationValue>("_-_", "subtract_duration_duration", du, du, du, (a, b) => DurationValue.Create(a.Nanos - b.Nanos));

        var getters = new (string Name, Func<DateTime, TimestampValue, long> Get)[]
        {
            ("getFullYear", (d, _) => d.Year),
            ("getMonth", (d, _) => d.Month - 1),
            ("getDate", (d, _) => d.Day),
            ("getDayOfMonth", (d, _) => d.Day - 1),
            ("getDayOfWeek", (d, _) => (int)d.DayOfWeek),
            ("getDayOfYear", (d, _) => d.DayOfYear - 1),
            ("getHours", (d, _) => d.Hour),
            ("getMinutes", (d, _) => d.Minute),
            ("getSeconds", (d, _) => d.Second),
            ("getMilliseconds", (_, t) => t.Nanos / 1_000_000),
        };
        foreach (var (name, get) in getters)
        {
            r.MemberUnary<TimestampValue>(name, $"timestamp_to_{name}", CelType.Int, ts, t => IntValue.Of(get(ToUtc(t), t)));
            r.MemberBinary<TimestampValue, StringValue>(name, $"timestamp_to_{name}_with_tz", CelType.Int, ts, CelType.String, (t, tz) =>
            {
                var utc = ToUtc(t);
                var offset = TimeParsing.ResolveOffset(tz.Value, utc);
                return offset is null ? new ErrorValue($"unknown time zone '{tz.Value}'") : IntValue.Of(get(utc + offset.Value, t));
            });
        }

        r.MemberUnary<DurationValue>("getHours", "duration_to_hours", CelType.Int, du, d => IntValue.Of((long)(d.Nanos / 3_600_000_000_000)));
        r.MemberUnary<DurationValue>("getMinutes", "duration_to_minutes", CelType.Int, du, d => IntValue.Of((long)(d.Nanos / 60_000_000_000)));
        r.MemberUnary<DurationValue>("getSeconds", "duration_to_seconds", CelType.Int, du, d => IntValue.Of((long)(d.Nanos / 1_000_000_000)));
        r.MemberUnary<DurationValue>("getMilliseconds", "duration_to_milliseconds", CelType.Int, du, d => IntValue.Of((long)(d.Nanos / 1_000_000 % 1000)));
    }

    private static DateTime ToUtc(TimestampValue t) => DateTime.UnixEpoch.AddSeconds(t.Seconds);
}
