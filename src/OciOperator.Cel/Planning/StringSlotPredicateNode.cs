using OciOperator.Cel.Values;

namespace OciOperator.Cel.Planning;

/// <summary>
/// The built-in <c>startsWith</c>, <c>endsWith</c>, <c>contains</c>, <c>==</c> and <c>!=</c> of a comprehension variable
/// holding a string (often a raw JSON key) and a string literal: compared in place, without wrapping the variable.
/// Anything else takes the general call.
/// </summary>
internal sealed class StringSlotPredicateNode(SlotNode variable, string function, string literal, Interpretable general) : Interpretable
{
    public override CelValue Eval(EvalContext ctx)
    {
        if (!variable.TryEvalString(ctx, out var s))
        {
            return general.Eval(ctx);
        }

        var result = function switch
        {
            "startsWith" => s.StartsWith(literal, StringComparison.Ordinal),
            "endsWith" => s.EndsWith(literal, StringComparison.Ordinal),
            "contains" => s.Contains(literal, StringComparison.Ordinal),
            Ast.Operators.Equals => string.Equals(s, literal, StringComparison.Ordinal),
            _ => !string.Equals(s, literal, StringComparison.Ordinal),
        };
        return ctx.Charge(1) is { } budget ? budget.At(Position) : BoolValue.Of(result);
    }
}
