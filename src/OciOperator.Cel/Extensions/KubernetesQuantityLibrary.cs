using OciOperator.Cel.Library;
using OciOperator.Cel.Values;

namespace OciOperator.Cel.Extensions;

/// <summary>Kubernetes apiserver CEL quantity library: quantity, isQuantity, sign, isInteger, asInteger, asApproximateFloat, add, sub, compareTo, isLessThan, isGreaterThan.</summary>
internal static class KubernetesQuantityLibrary
{
    public static void Register(FunctionRegistry r)
    {
        var q = QuantityValue.QuantityType;
        var i = CelType.Int;
        r.Unary<StringValue>("quantity", "string_to_quantity", q, CelType.String, s =>
            (CelValue?)QuantityValue.TryParse(s.Value) ?? new ErrorValue($"quantities must match the regular expression for Kubernetes quantities: '{s.Value}'"));
        r.Unary<StringValue>("isQuantity", "is_quantity_string", CelType.Bool, CelType.String, s => BoolValue.Of(QuantityValue.TryParse(s.Value) is not null));
        r.MemberUnary<QuantityValue>("sign", "quantity_sign", i, q, x => IntValue.Of(Math.Sign(x.Value)));
        r.MemberUnary<QuantityValue>("isInteger", "quantity_is_integer", CelType.Bool, q, x => BoolValue.Of(decimal.Truncate(x.Value) == x.Value && x.Value is >= long.MinValue and <= long.MaxValue));
        r.MemberUnary<QuantityValue>("asInteger", "quantity_get_integer", i, q, x =>
            decimal.Truncate(x.Value) == x.Value && x.Value is >= long.MinValue and <= long.MaxValue
                ? IntValue.Of((long)x.Value)
                : new ErrorValue("cannot convert value to integer"));
        r.MemberUnary<QuantityValue>("asApproximateFloat", "quantity_get_float", CelType.Double, q, x => DoubleValue.Of((double)x.Value));
        r.MemberBinary<QuantityValue, QuantityValue>("add", "quantity_add", q, q, q, (a, b) => Arith(() => a.Value + b.Value));
        r.MemberBinary<QuantityValue, IntValue>("add", "quantity_add_int", q, q, i, (a, b) => Arith(() => a.Value + b.Value));
        r.MemberBinary<QuantityValue, QuantityValue>("sub", "quantity_sub", q, q, q, (a, b) => Arith(() => a.Value - b.Value));
        r.MemberBinary<QuantityValue, IntValue>("sub", "quantity_sub_int", q, q, i, (a, b) => Arith(() => a.Value - b.Value));
        r.MemberBinary<QuantityValue, QuantityValue>("compareTo", "quantity_compare_to", i, q, q, (a, b) => IntValue.Of(a.Value.CompareTo(b.Value)));
        r.MemberBinary<QuantityValue, QuantityValue>("isLessThan", "quantity_less", CelType.Bool, q, q, (a, b) => BoolValue.Of(a.Value < b.Value));
        r.MemberBinary<QuantityValue, QuantityValue>("isGreaterThan", "quantity_greater", CelType.Bool, q, q, (a, b) => BoolValue.Of(a.Value > b.Value));
    }

    private static CelValue Arith(Func<decimal> op)
    {
        try
        {
            return QuantityValue.Of(op());
        }
        catch (OverflowException)
        {
            return new ErrorValue("quantity arithmetic overflow");
        }
    }
}
