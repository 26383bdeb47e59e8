using OciOperator.Cel.Values;

namespace OciOperator.Cel.Extensions;

/// <summary>Hashing for distinct(): scalars by CEL equality, with numbers hashed by numeric value.</summary>
internal sealed class DistinctKeyComparer : IEqualityComparer<CelValue>
{
    public static readonly DistinctKeyComparer Instance = new();

    public static bool IsHashable(CelValue v) => v is IntValue or UintValue or DoubleValue or StringValue or BoolValue or NullValue or BytesValue or TimestampValue or DurationValue;

    public bool Equals(CelValue? x, CelValue? y) => x is not null && y is not null && CelEquality.Equal(x, y);

    public int GetHashCode(CelValue obj) => obj switch
    {
        IntValue i => ((double)i.Value).GetHashCode(),
        UintValue u => ((double)u.Value).GetHashCode(),
        DoubleValue d => d.Value.GetHashCode(),
        StringValue s => StringComparer.Ordinal.GetHashCode(s.Value),
        BoolValue b => b.Value ? 1 : 2,
        BytesValue b => b.Value.Length,
        TimestampValue t => t.UnixNanos.GetHashCode(),
        DurationValue d => d.Nanos.GetHashCode(),
        _ => 0,
    };
}
