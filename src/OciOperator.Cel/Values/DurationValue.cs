namespace OciOperator.Cel.Values;

/// <summary>A signed span of time with nanosecond precision (the range of a signed 64-bit nanosecond count, as in Go and cel-go).</summary>
public sealed class DurationValue : CelValue
{
    public static readonly Int128 MaxNanos = long.MaxValue;

    private DurationValue(Int128 nanos) => Nanos = nanos;

    public Int128 Nanos { get; }

    public override CelType Type => CelType.Duration;

    public static CelValue Create(Int128 nanos) =>
        nanos < -MaxNanos || nanos > MaxNanos ? new ErrorValue("duration out of range") : new DurationValue(nanos);

    public override object? ToObject() => TimeSpan.FromTicks((long)(Nanos / 100));
}
