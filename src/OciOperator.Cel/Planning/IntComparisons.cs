using OciOperator.Cel.Ast;
using OciOperator.Cel.Library;
using OciOperator.Cel.Values;

namespace OciOperator.Cel.Planning;

/// <summary>Binding and evaluation of <see cref="IntComparison"/>.</summary>
internal static class IntComparisons
{
    /// <summary>The comparison to bind for a call of <paramref name="function"/> with these overloads, or None.</summary>
    public static IntComparison Bind(string function, CelOverload[] overloads, Interpretable right)
    {
        if (right is not ConstNode { Value: IntValue literal })
        {
            return IntComparison.None;
        }

        var sample = IntValue.Of(0);
        var chosen = overloads.FirstOrDefault(o => o.Parameters.Length == 2 && CelOverload.Matches(o.Parameters[0], sample) && CelOverload.Matches(o.Parameters[1], literal));
        return (function, chosen?.Id) switch
        {
            (Operators.Less, "less_int") => IntComparison.Less,
            (Operators.LessEquals, "less_equals_int") => IntComparison.LessEquals,
            (Operators.Greater, "greater_int") => IntComparison.Greater,
            (Operators.GreaterEquals, "greater_equals_int") => IntComparison.GreaterEquals,
            (Operators.Equals, "equals") => IntComparison.Equals,
            (Operators.NotEquals, "not_equals") => IntComparison.NotEquals,
            _ => IntComparison.None,
        };
    }

    public static bool Test(IntComparison comparison, long a, long b) => comparison switch
    {
        IntComparison.Less => a < b,
        IntComparison.LessEquals => a <= b,
        IntComparison.Greater => a > b,
        IntComparison.GreaterEquals => a >= b,
        IntComparison.Equals => a == b,
        _ => a != b,
    };
}
