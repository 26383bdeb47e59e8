namespace OciOperator.Cel.Values;

/// <summary>CEL equality (heterogeneous numeric equality, deep list/map equality).</summary>
public static class CelEquality
{
    public static bool Equal(CelValue a, CelValue b)
    {
        switch (a)
        {
            case IntValue ai:
                return b switch
                {
                    IntValue bi => ai.Value == bi.Value,
                    UintValue bu => ai.Value >= 0 && (ulong)ai.Value == bu.Value,
                    DoubleValue bd => CelComparison.CompareIntDouble(ai.Value, bd.Value) == 0,
                    _ => false,
                };
            case UintValue au:
                return b switch
                {
                    UintValue bu => au.Value == bu.Value,
                    IntValue bi => bi.Value >= 0 && (ulong)bi.Value == au.Value,
                    DoubleValue bd => CelComparison.CompareUintDouble(au.Value, bd.Value) == 0,
                    _ => false,
                };
            case DoubleValue ad:
                return b switch
                {
                    DoubleValue bd => ad.Value == bd.Value,
                    IntValue bi => CelComparison.CompareIntDouble(bi.Value, ad.Value) == 0,
                    UintValue bu => CelComparison.CompareUintDouble(bu.Value, ad.Value) == 0,
                    _ => false,
                };
            case StringValue s:
                return b is StringValue t && string.Equals(s.Value, t.Value, StringComparison.Ordinal);
            case BoolValue x:
                return b is BoolValue y1 && x.Value == y1.Value;
            case BytesValue x:
                return b is BytesValue y2 && x.Value.Span.SequenceEqual(y2.Value.Span);
            case NullValue:
                return b is NullValue;
            case TimestampValue x:
                return b is TimestampValue y3 && x.UnixNanos == y3.UnixNanos;
            case DurationValue x:
                return b is DurationValue y4 && x.Nanos == y4.Nanos;
            case TypeValue x:
                return b is TypeValue y5 && x.Value.Name == y5.Value.Name;
            case OptionalValue x:
                return b is OptionalValue y6 && (x.Value is null ? y6.Value is null : y6.Value is not null && Equal(x.Value, y6.Value));
            case ListValue x:
                if (b is not ListValue yl || x.Count != yl.Count)
                {
                    return false;
                }

                for (var i = 0; i < x.Count; i++)
                {
                    if (!Equal(x[i], yl[i]))
                    {
                        return false;
                    }
                }

                return true;
            case MapValue x:
                if (b is not MapValue ym || x.Count != ym.Count)
                {
                    return false;
                }

                foreach (var (k, v) in x.Entries())
                {
                    if (!ym.TryGet(k, out var w) || !Equal(v, w))
                    {
                        return false;
                    }
                }

                return true;
            default:
                return a.Equals(b);
        }
    }
}
