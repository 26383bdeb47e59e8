using OciOperator.Cel.Library;
using OciOperator.Cel.Values;

namespace OciOperator.Cel.Extensions;

/// <summary>cel-go ext/math.go: greatest/least, rounding, abs/sign, classification, bit operations, sqrt.</summary>
internal static class MathLibrary
{
    public static void Register(FunctionRegistry r)
    {
        var d = CelType.Double;
        var i = CelType.Int;
        var u = CelType.Uint;
        for (var n = 1; n <= 16; n++)
        {
            var ps = Enumerable.Repeat(CelType.Dyn, n).ToArray();
            r.Global("math.greatest", $"math_greatest_{n}", CelType.Dyn, ps, a => Extreme(a, greatest: true));
            r.Global("math.least", $"math_least_{n}", CelType.Dyn, ps, a => Extreme(a, greatest: false));
        }

        r.Global("math.greatest", "math_greatest_list", CelType.Dyn, [CelType.ListOfDyn], a => Extreme([.. ((ListValue)a[0]).Items()], greatest: true));
        r.Global("math.least", "math_least_list", CelType.Dyn, [CelType.ListOfDyn], a => Extreme([.. ((ListValue)a[0]).Items()], greatest: false));
        r.Unary<DoubleValue>("math.ceil", "math_ceil_double", d, d, x => DoubleValue.Of(Math.Ceiling(x.Value)));
        r.Unary<DoubleValue>("math.floor", "math_floor_double", d, d, x => DoubleValue.Of(Math.Floor(x.Value)));
        r.Unary<DoubleValue>("math.round", "math_round_double", d, d, x => DoubleValue.Of(Math.Round(x.Value, MidpointRounding.AwayFromZero)));
        r.Unary<DoubleValue>("math.trunc", "math_trunc_double", d, d, x => DoubleValue.Of(Math.Truncate(x.Value)));
        r.Unary<DoubleValue>("math.sqrt", "math_sqrt_double", d, d, x => DoubleValue.Of(Math.Sqrt(x.Value)));
        r.Unary<IntValue>("math.sqrt", "math_sqrt_int", d, i, x => DoubleValue.Of(Math.Sqrt(x.Value)));
        r.Unary<UintValue>("math.sqrt", "math_sqrt_uint", d, u, x => DoubleValue.Of(Math.Sqrt(x.Value)));
        r.Unary<IntValue>("math.abs", "math_abs_int", i, i, x => x.Value == long.MinValue ? ErrorValue.Overflow("math.abs") : IntValue.Of(Math.Abs(x.Value)));
        r.Unary<UintValue>("math.abs", "math_abs_uint", u, u, x => x);
        r.Unary<DoubleValue>("math.abs", "math_abs_double", d, d, x => DoubleValue.Of(Math.Abs(x.Value)));
        r.Unary<IntValue>("math.sign", "math_sign_int", i, i, x => IntValue.Of(Math.Sign(x.Value)));
        r.Unary<UintValue>("math.sign", "math_sign_uint", u, u, x => UintValue.Of(x.Value == 0 ? 0UL : 1UL));
        r.Unary<DoubleValue>("math.sign", "math_sign_double", d, d, x => DoubleValue.Of(double.IsNaN(x.Value) ? double.NaN : Math.Sign(x.Value)));
        r.Unary<DoubleValue>("math.isInf", "math_isInf_double", CelType.Bool, d, x => BoolValue.Of(double.IsInfinity(x.Value)));
        r.Unary<DoubleValue>("math.isNaN", "math_isNaN_double", CelType.Bool, d, x => BoolValue.Of(double.IsNaN(x.Value)));
        r.Unary<DoubleValue>("math.isFinite", "math_isFinite_double", CelType.Bool, d, x => BoolValue.Of(double.IsFinite(x.Value)));
        r.Binary<IntValue, IntValue>("math.bitAnd", "math_bitAnd_int_int", i, i, i, (a, b) => IntValue.Of(a.Value & b.Value));
        r.Binary<UintValue, UintValue>("math.bitAnd", "math_bitAnd_uint_uint", u, u, u, (a, b) => UintValue.Of(a.Value & b.Value));
        r.Binary<IntValue, IntValue>("math.bitOr", "math_bitOr_int_int", i, i, i, (a, b) => IntValue.Of(a.Value | b.Value));
        r.Binary<UintValue, UintValue>("math.bitOr", "math_bitOr_uint_uint", u, u, u, (a, b) => UintValue.Of(a.Value | b.Value));
        r.Binary<IntValue, IntValue>("math.bitXor", "math_bitXor_int_int", i, i, i, (a, b) => IntValue.Of(a.Value ^ b.Value));
        r.Binary<UintValue, UintValue>("math.bitXor", "math_bitXor_uint_uint", u, u, u, (a, b) => UintValue.Of(a.Value ^ b.Value));
        r.Unary<IntValue>("math.bitNot", "math_bitNot_int_int", i, i, a => IntValue.Of(~a.Value));
        r.Unary<UintValue>("math.bitNot", "math_bitNot_uint_uint", u, u, a => UintValue.Of(~a.Value));
        r.Binary<IntValue, IntValue>("math.bitShiftLeft", "math_bitShiftLeft_int_int", i, i, i, (a, b) =>
            b.Value < 0 ? new ErrorValue("math.bitShiftLeft() negative offset") : IntValue.Of(b.Value >= 64 ? 0 : a.Value << (int)b.Value));
        r.Binary<UintValue, IntValue>("math.bitShiftLeft", "math_bitShiftLeft_uint_int", u, u, i, (a, b) =>
            b.Value < 0 ? new ErrorValue("math.bitShiftLeft() negative offset") : UintValue.Of(b.Value >= 64 ? 0 : a.Value << (int)b.Value));
        r.Binary<IntValue, IntValue>("math.bitShiftRight", "math_bitShiftRight_int_int", i, i, i, (a, b) =>
            b.Value < 0 ? new ErrorValue("math.bitShiftRight() negative offset") : IntValue.Of(b.Value >= 64 ? 0 : (long)((ulong)a.Value >> (int)b.Value)));
        r.Binary<UintValue, IntValue>("math.bitShiftRight", "math_bitShiftRight_uint_int", u, u, i, (a, b) =>
            b.Value < 0 ? new ErrorValue("math.bitShiftRight() negative offset") : UintValue.Of(b.Value >= 64 ? 0 : a.Value >> (int)b.Value));
    }

    private static CelValue Extreme(CelValue[] args, bool greatest)
    {
        if (args.Length == 0)
        {
            return new ErrorValue("math.greatest/least requires at least one argument");
        }

        if (args is [ListValue list])
        {
            args = [.. list.Items()];
            if (args.Length == 0)
            {
                return new ErrorValue("math.greatest/least requires at least one argument");
            }
        }

        CelValue? best = null;
        foreach (var a in args)
        {
            if (a is not (IntValue or UintValue or DoubleValue))
            {
                return new ErrorValue($"no such overload: math.{(greatest ? "greatest" : "least")}({a.Type})");
            }

            if (best is null)
            {
                best = a;
                continue;
            }

            if (a is DoubleValue { Value: double.NaN })
            {
                best = a;
                continue;
            }

            var c = CelComparison.Compare(a, best);
            if (c is { } cmp && (greatest ? cmp > 0 : cmp < 0))
            {
                best = a;
            }
        }

        return best!;
    }
}
