namespace OciOperator.Cel.Values;

/// <summary>Map key equality: ints and uints compare by numeric value; other kinds by value.</summary>
internal sealed class MapKeyComparer : IEqualityComparer<CelValue>
{
    public static readonly MapKeyComparer Instance = new();

    public static bool TryIntegral(double d, out CelValue value)
    {
        if (Math.Floor(d) == d && d >= -9.2233720368547758E18 && d < 9.2233720368547758E18)
        {
            value = IntValue.Of((long)d);
            return true;
        }

        if (Math.Floor(d) == d && d >= 0 && d < 1.8446744073709552E19)
        {
            value = UintValue.Of((ulong)d);
            return true;
        }

        value = NullValue.Instance;
        return false;
    }

    public bool Equals(CelValue? x, CelValue? y) => x is not null && y is not null && CelEquality.Equal(x, y);

    public int GetHashCode(CelValue obj) => obj switch
    {
        IntValue i => i.Value.GetHashCode(),
        UintValue u => u.Value <= long.MaxValue ? ((long)u.Value).GetHashCode() : u.Value.GetHashCode(),
        StringValue s => StringComparer.Ordinal.GetHashCode(s.Value),
        BoolValue b => b.Value ? 1 : 2,
        _ => 0,
    };
}
