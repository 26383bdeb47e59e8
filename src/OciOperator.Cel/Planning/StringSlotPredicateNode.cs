using OciOperator.Cel.Values;

namespace OciOperator.Cel.Planning;

/// <summary>
/// The built-in <c>startsWith</c>, <c>endsWith</c>, <c>contains</c>, <c>==</c> and <c>!=</c> of a comprehension variable
/// holding a string (often a raw JSON key) and a string literal: compared in place, without wrapping the variable.
/// Anything else takes the general call.
/// </summary>
internal sealed class StringSlotPredicateNode(SlotNode variable, string function, string literal, Interpretable general, bool charges = true) : Interpretable
{
    public override long? StaticCost => general.StaticCost;

    private readonly int _op = function switch
    {
        "startsWith" => 0,
        "endsWith" => 1,
        "contains" => 2,
        Ast.Operators.Equals => 3,
        _ => 4,
    };

    public SlotNode Variable => variable;

    public override CelValue Eval(EvalContext ctx) =>
        variable.TryEvalString(ctx, out var s) ? EvalString(ctx, s) : general.Eval(ctx);

    /// <summary>The predicate for the variable's value <paramref name="s"/> (a string), charged as the call is.</summary>
    public CelValue EvalString(EvalContext ctx, string s)
    {
        var result = _op switch
        {
            0 => s.StartsWith(literal, StringComparison.Ordinal),
            1 => s.EndsWith(literal, StringComparison.Ordinal),
            2 => s.Contains(literal, StringComparison.Ordinal),
            3 => string.Equals(s, literal, StringComparison.Ordinal),
            _ => !string.Equals(s, literal, StringComparison.Ordinal),
        };
        return charges && ctx.Charge(1) is { } budget ? budget.At(Position) : BoolValue.Of(result);
    }
}
