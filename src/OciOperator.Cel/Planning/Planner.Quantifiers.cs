using OciOperator.Cel.Ast;
using OciOperator.Cel.Values;

namespace OciOperator.Cel.Planning;

/// <summary>Recognises the expansions of all/exists/exists_one and plans them as one <see cref="QuantifierNode"/>.</summary>
internal sealed partial class Planner
{
    private QuantifierNode? TryPlanQuantifier(ComprehensionExpr c)
    {
        if (c.AccuVar != MacroNames.AccuVar || QuantifierOf(c) is not ({ } kind, { } predicate) || !StandardOperators(kind))
        {
            return null;
        }

        var range = Plan(c.IterRange);
        _slots++; // the accumulator's slot, which the loop keeps in locals instead
        var iterSlot = _slots++;
        var iter2Slot = c.IterVar2 is null ? -1 : _slots++;
        _scope.Add((c.IterVar, iterSlot));
        if (c.IterVar2 is not null)
        {
            _scope.Add((c.IterVar2, iter2Slot));
        }

        var pred = Plan(predicate);
        _scope.RemoveRange(_scope.Count - (c.IterVar2 is null ? 1 : 2), c.IterVar2 is null ? 1 : 2);
        return new QuantifierNode(kind, iterSlot, iter2Slot, range, pred);
    }

    /// <summary>The macro and its predicate when <paramref name="c"/> is exactly what the macro expander builds.</summary>
    private static (QuantifierKind? Kind, Expr? Predicate) QuantifierOf(ComprehensionExpr c)
    {
        static bool IsAccu(Expr e) => e is IdentExpr { Name: MacroNames.AccuVar };
        static bool IsConst(Expr e, CelValue v) => e is ConstantExpr { Value: var k } && k.GetType() == v.GetType() && CelEquality.Equal(k, v);

        switch (c)
        {
            case
            {
                AccuInit: var init,
                LoopCondition: CallExpr { Target: null, Function: Operators.NotStrictlyFalse, Args: [var guard] },
                LoopStep: CallExpr { Target: null, Function: Operators.LogicalAnd, Args: [var accu, var pred] },
                Result: var result,
            } when IsConst(init, BoolValue.True) && IsAccu(guard) && IsAccu(accu) && IsAccu(result):
                return (QuantifierKind.All, pred);
            case
            {
                AccuInit: var init,
                LoopCondition: CallExpr { Target: null, Function: Operators.NotStrictlyFalse, Args: [CallExpr { Target: null, Function: Operators.LogicalNot, Args: [var guard] }] },
                LoopStep: CallExpr { Target: null, Function: Operators.LogicalOr, Args: [var accu, var pred] },
                Result: var result,
            } when IsConst(init, BoolValue.False) && IsAccu(guard) && IsAccu(accu) && IsAccu(result):
                return (QuantifierKind.Exists, pred);
            case
            {
                AccuInit: var init,
                LoopCondition: var cond,
                LoopStep: CallExpr
                {
                    Target: null,
                    Function: Operators.Conditional,
                    Args: [var pred, CallExpr { Target: null, Function: Operators.Add, Args: [var accu, var one] }, var otherwise],
                },
                Result: CallExpr { Target: null, Function: Operators.Equals, Args: [var result, var expected] },
            } when IsConst(init, IntValue.Of(0)) && IsConst(cond, BoolValue.True) && IsAccu(accu) && IsConst(one, IntValue.Of(1))
                && IsAccu(otherwise) && IsAccu(result) && IsConst(expected, IntValue.Of(1)):
                return (QuantifierKind.ExistsOne, pred);
            default:
                return (null, null);
        }
    }

    /// <summary>Whether the operators the expansion calls are still the standard library's (a host may add overloads).</summary>
    private bool StandardOperators(QuantifierKind kind) => kind switch
    {
        QuantifierKind.Exists => _functions.Lookup(Operators.LogicalNot) is [{ Id: "logical_not" }],
        QuantifierKind.ExistsOne => _functions.Lookup(Operators.Add).All(o => o.Id.StartsWith("add_", StringComparison.Ordinal))
            && _functions.Lookup(Operators.Equals) is [{ Id: "equals" }],
        _ => true,
    };
}
