namespace OciOperator.Cel.Values;

/// <summary>A point in time with nanosecond precision, in 0001-01-01..9999-12-31 UTC.</summary>
public sealed class TimestampValue : CelValue
{
    public static readonly Int128 MinNanos = (Int128)(-62135596800L) * 1_000_000_000;
    public static readonly Int128 MaxNanos = ((Int128)253402300799L * 1_000_000_000) + 999_999_999;

    private TimestampValue(Int128 nanos) => UnixNanos = nanos;

    /// <summary>Nanoseconds since the Unix epoch.</summary>
    public Int128 UnixNanos { get; }

    public override CelType Type => CelType.Timestamp;

    /// <summary>Whole seconds since the epoch (floored).</summary>
    public long Seconds => (long)((UnixNanos - Nanos) / 1_000_000_000);

    /// <summary>Nanoseconds within the second, 0..999,999,999.</summary>
    public int Nanos => (int)(((UnixNanos % 1_000_000_000) + 1_000_000_000) % 1_000_000_000);

    /// <summary>Creates a timestamp, or an error value when out of range.</summary>
    public static CelValue Create(Int128 nanos) =>
        nanos < MinNanos || nanos > MaxNanos ? new ErrorValue("timestamp out of range") : new TimestampValue(nanos);

    public DateTime ToDateTime() => DateTime.UnixEpoch.AddSeconds(Seconds).AddTicks(Nanos / 100);

    public override object? ToObject() => ToDateTime();
}
