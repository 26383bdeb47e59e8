using OciOperator.Cel.Values;

namespace OciOperator.Cel.Library;

/// <summary>The CEL standard library (cel-spec langdef "Standard Definitions"), declared as overload tables.</summary>
internal static partial class StandardLibrary
{
    internal static readonly CelType A = CelType.Param("A");
    internal static readonly CelType B = CelType.Param("B");
    internal static readonly CelType K = CelType.Param("K");
    internal static readonly CelType V = CelType.Param("V");
    internal static readonly CelType ListA = CelType.List(A);
    internal static readonly CelType MapKV = CelType.Map(K, V);

    public static void Register(FunctionRegistry r)
    {
        RegisterArithmetic(r);
        RegisterComparisons(r);
        RegisterConversions(r);
        RegisterStrings(r);
        RegisterTime(r);
        RegisterCollections(r);

        // Declarations for operators the planner implements directly (non-strict); used by the checker.
        r.Global("_&&_", "logical_and", CelType.Bool, [CelType.Bool, CelType.Bool], null);
        r.Global("_||_", "logical_or", CelType.Bool, [CelType.Bool, CelType.Bool], null);
        r.Global("_?_:_", "conditional", A, [CelType.Bool, A, A], null);
        r.Global("@not_strictly_false", "not_strictly_false", CelType.Bool, [CelType.Bool], null);
    }

    private static void RegisterArithmetic(FunctionRegistry r)
    {
        var i = CelType.Int;
        var u = CelType.Uint;
        var d = CelType.Double;
        r.Binary<IntValue, IntValue>("_+_", "add_int64", i, i, i, (a, b) => AddInt(a.Value, b.Value));
        r.Binary<UintValue, UintValue>("_+_", "add_uint64", u, u, u, (a, b) => AddUint(a.Value, b.Value));
        r.Binary<DoubleValue, DoubleValue>("_+_", "add_double", d, d, d, (a, b) => DoubleValue.Of(a.Value + b.Value));
        r.Binary<StringValue, StringValue>("_+_", "add_string", CelType.String, CelType.String, CelType.String, (a, b) => StringValue.Of(a.Value + b.Value));
        r.Binary<BytesValue, BytesValue>("_+_", "add_bytes", CelType.Bytes, CelType.Bytes, CelType.Bytes, (a, b) => new BytesValue([.. a.Value.Span, .. b.Value.Span]));
        r.Binary<ListValue, ListValue>("_+_", "add_list", ListA, ListA, ListA, (a, b) => ArrayListValue.Concat(a, b));
        r.Binary<IntValue, IntValue>("_-_", "subtract_int64", i, i, i, (a, b) => SubInt(a.Value, b.Value));
        r.Binary<UintValue, UintValue>("_-_", "subtract_uint64", u, u, u, (a, b) => SubUint(a.Value, b.Value));
        r.Binary<DoubleValue, DoubleValue>("_-_", "subtract_double", d, d, d, (a, b) => DoubleValue.Of(a.Value - b.Value));
        r.Binary<IntValue, IntValue>("_*_", "multiply_int64", i, i, i, (a, b) => MulInt(a.Value, b.Value));
        r.Binary<UintValue, UintValue>("_*_", "multiply_uint64", u, u, u, (a, b) => MulUint(a.Value, b.Value));
        r.Binary<DoubleValue, DoubleValue>("_*_", "multiply_double", d, d, d, (a, b) => DoubleValue.Of(a.Value * b.Value));
        r.Binary<IntValue, IntValue>("_/_", "divide_int64", i, i, i, (a, b) =>
            b.Value == 0 ? new ErrorValue("division by zero")
            : a.Value == long.MinValue && b.Value == -1 ? ErrorValue.Overflow("division") : IntValue.Of(a.Value / b.Value));
        r.Binary<UintValue, UintValue>("_/_", "divide_uint64", u, u, u, (a, b) =>
            b.Value == 0 ? new ErrorValue("division by zero") : UintValue.Of(a.Value / b.Value));
        r.Binary<DoubleValue, DoubleValue>("_/_", "divide_double", d, d, d, (a, b) => DoubleValue.Of(a.Value / b.Value));
        r.Binary<IntValue, IntValue>("_%_", "modulo_int64", i, i, i, (a, b) =>
            b.Value == 0 ? new ErrorValue("modulus by zero")
            : a.Value == long.MinValue && b.Value == -1 ? ErrorValue.Overflow("modulus") : IntValue.Of(a.Value % b.Value));
        r.Binary<UintValue, UintValue>("_%_", "modulo_uint64", u, u, u, (a, b) =>
            b.Value == 0 ? new ErrorValue("modulus by zero") : UintValue.Of(a.Value % b.Value));
        r.Unary<IntValue>("-_", "negate_int64", i, i, a => a.Value == long.MinValue ? ErrorValue.Overflow("negation") : IntValue.Of(-a.Value));
        r.Unary<DoubleValue>("-_", "negate_double", d, d, a => DoubleValue.Of(-a.Value));
        r.Unary<BoolValue>("!_", "logical_not", CelType.Bool, CelType.Bool, a => BoolValue.Of(!a.Value));
    }

    internal static CelValue AddInt(long a, long b)
    {
        var r = unchecked(a + b);
        return ((a ^ r) & (b ^ r)) < 0 ? ErrorValue.Overflow("addition") : IntValue.Of(r);
    }

    internal static CelValue SubInt(long a, long b)
    {
        var r = unchecked(a - b);
        return ((a ^ b) & (a ^ r)) < 0 ? ErrorValue.Overflow("subtraction") : IntValue.Of(r);
    }

    internal static CelValue MulInt(long a, long b)
    {
        var r = Math.BigMul(a, b, out var low);
        return (r == 0 && low >= 0) || (r == -1 && low < 0) ? IntValue.Of(low) : ErrorValue.Overflow("multiplication");
    }

    internal static CelValue AddUint(ulong a, ulong b) => a + b < a ? ErrorValue.Overflow("addition") : UintValue.Of(a + b);

    internal static CelValue SubUint(ulong a, ulong b) => b > a ? ErrorValue.Overflow("subtraction") : UintValue.Of(a - b);

    internal static CelValue MulUint(ulong a, ulong b)
    {
        var high = Math.BigMul(a, b, out var low);
        return high != 0 ? ErrorValue.Overflow("multiplication") : UintValue.Of(low);
    }

    internal static CelValue Checked(Func<long> op, string what)
    {
        try
        {
            return IntValue.Of(checked(op()));
        }
        catch (OverflowException)
        {
            return ErrorValue.Overflow(what);
        }
    }

    internal static CelValue CheckedU(Func<ulong> op, string what)
    {
        try
        {
            return UintValue.Of(checked(op()));
        }
        catch (OverflowException)
        {
            return ErrorValue.Overflow(what);
        }
    }

    private static void RegisterComparisons(FunctionRegistry r)
    {
        r.Binary<CelValue, CelValue>("_==_", "equals", CelType.Bool, A, A, (a, b) => BoolValue.Of(CelEquality.Equal(a, b)));
        r.Binary<CelValue, CelValue>("_!=_", "not_equals", CelType.Bool, A, A, (a, b) => BoolValue.Of(!CelEquality.Equal(a, b)));
        CelType[] ordered = [CelType.Bool, CelType.Int, CelType.Uint, CelType.Double, CelType.String, CelType.Bytes, CelType.Timestamp, CelType.Duration];
        var ops = new (string Fn, string Id, Func<int, bool> Test)[]
        {
            ("_<_", "less", c => c < 0), ("_<=_", "less_equals", c => c <= 0),
            ("_>_", "greater", c => c > 0), ("_>=_", "greater_equals", c => c >= 0),
        };
        foreach (var (fn, id, test) in ops)
        {
            foreach (var t in ordered)
            {
                if (t == CelType.Int)
                {
                    // The most common comparison gets a direct implementation (no generic ordering on the way).
                    r.Binary<IntValue, IntValue>(fn, $"{id}_{t.Name}", CelType.Bool, t, t, IntComparison(fn));
                    continue;
                }

                r.Binary<CelValue, CelValue>(fn, $"{id}_{t.Name}", CelType.Bool, t, t, (a, b) => Compare(a, b, test, fn));
            }

            CelType[] nums = [CelType.Int, CelType.Uint, CelType.Double];
            foreach (var x in nums)
            {
                foreach (var y in nums)
                {
                    if (x != y)
                    {
                        r.Binary<CelValue, CelValue>(fn, $"{id}_{x.Name}_{y.Name}", CelType.Bool, x, y, (a, b) => Compare(a, b, test, fn));
                    }
                }
            }
        }
    }

    private static Func<IntValue, IntValue, CelValue> IntComparison(string fn) => fn switch
    {
        "_<_" => (a, b) => BoolValue.Of(a.Value < b.Value),
        "_<=_" => (a, b) => BoolValue.Of(a.Value <= b.Value),
        "_>_" => (a, b) => BoolValue.Of(a.Value > b.Value),
        _ => (a, b) => BoolValue.Of(a.Value >= b.Value),
    };

    private static CelValue Compare(CelValue a, CelValue b, Func<int, bool> test, string fn)
    {
        var c = CelComparison.Compare(a, b);
        if (c is null)
        {
            return (a, b) is (DoubleValue, _) or (_, DoubleValue) ? BoolValue.False : ErrorValue.NoSuchOverload(fn);
        }

        return BoolValue.Of(test(c.Value));
    }
}
