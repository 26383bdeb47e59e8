namespace OciOperator.Cel.Values;

/// <summary>A signed span of time with nanosecond precision (±315,576,000,000 s).</summary>
public sealed class DurationValue : CelValue
{
    public static readonly Int128 MaxNanos = ((Int128)315_576_000_000L * 1_000_000_000) + 999_999_999;

    private DurationValue(Int128 nanos) => Nanos = nanos;

    public Int128 Nanos { get; }

    public override CelType Type => CelType.Duration;

    public static CelValue Create(Int128 nanos) =>
        nanos < -MaxNanos || nanos > MaxNanos ? new ErrorValue("duration out of range") : new DurationValue(nanos);

    public override object? ToObject() => TimeSpan.FromTicks((long)(Nanos / 100));
}
