namespace OciOperator.Cel.Values;

/// <summary>CEL ordering: numbers across int/uint/double, strings, bytes, bools, timestamps, durations.</summary>
public static class CelComparison
{
    /// <summary>Compares two values; null when they are not comparable (or a NaN is involved).</summary>
    public static int? Compare(CelValue a, CelValue b)
    {
        switch (a)
        {
            case IntValue ai:
                return b switch
                {
                    IntValue bi => ai.Value.CompareTo(bi.Value),
                    UintValue bu => ai.Value < 0 ? -1 : ((ulong)ai.Value).CompareTo(bu.Value),
                    DoubleValue bd => CompareIntDouble(ai.Value, bd.Value),
                    _ => null,
                };
            case UintValue au:
                return b switch
                {
                    UintValue bu => au.Value.CompareTo(bu.Value),
                    IntValue bi => bi.Value < 0 ? 1 : au.Value.CompareTo((ulong)bi.Value),
                    DoubleValue bd => CompareUintDouble(au.Value, bd.Value),
                    _ => null,
                };
            case DoubleValue ad:
                return b switch
                {
                    DoubleValue bd => double.IsNaN(ad.Value) || double.IsNaN(bd.Value) ? null : ad.Value.CompareTo(bd.Value),
                    IntValue bi => -CompareIntDouble(bi.Value, ad.Value),
                    UintValue bu => -CompareUintDouble(bu.Value, ad.Value),
                    _ => null,
                };
            case StringValue s when b is StringValue t:
                return Math.Sign(CompareCodePoints(s.Value, t.Value));
            case BoolValue x when b is BoolValue y:
                return x.Value.CompareTo(y.Value);
            case BytesValue x when b is BytesValue y:
                return Math.Sign(x.Value.Span.SequenceCompareTo(y.Value.Span));
            case TimestampValue x when b is TimestampValue y:
                return x.UnixNanos.CompareTo(y.UnixNanos);
            case DurationValue x when b is DurationValue y:
                return x.Nanos.CompareTo(y.Nanos);
            default:
                return null;
        }
    }

    /// <summary>Compares int to double; returns 2 (unordered) for NaN, which never equals -1, 0 or 1.</summary>
    internal static int? CompareIntDouble(long i, double d)
    {
        if (double.IsNaN(d))
        {
            return null;
        }

        if (d < -9.2233720368547758E18)
        {
            return 1;
        }

        if (d > 9.2233720368547758E18)
        {
            return -1;
        }

        return ((double)i).CompareTo(d);
    }

    internal static int? CompareUintDouble(ulong u, double d)
    {
        if (double.IsNaN(d))
        {
            return null;
        }

        if (d < 0)
        {
            return 1;
        }

        if (d > 1.8446744073709552E19)
        {
            return -1;
        }

        return ((double)u).CompareTo(d);
    }

    private static int CompareCodePoints(string a, string b)
    {
        var i = 0;
        var j = 0;
        while (i < a.Length && j < b.Length)
        {
            var ca = a.ConvertToUtf32Safe(ref i);
            var cb = b.ConvertToUtf32Safe(ref j);
            if (ca != cb)
            {
                return ca.CompareTo(cb);
            }
        }

        return (a.Length - i).CompareTo(b.Length - j);
    }
}
