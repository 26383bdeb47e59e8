using OciOperator.Cel.Ast;
using OciOperator.Cel.Values;

namespace OciOperator.Cel.Planning;

/// <summary>
/// Recognises chains of list <c>map</c>/<c>filter</c> expansions (two or more, or one or more followed by the
/// built-in <c>size()</c>) and plans them as one <see cref="ListChainNode"/>, with the unfused plan as its fallback.
/// </summary>
internal sealed partial class Planner
{
    private bool _fuseChains = true;

    /// <summary>A fused node for <paramref name="expr"/>: the comprehension <paramref name="chain"/> itself, or a size
    /// call whose argument is <paramref name="chain"/> (<paramref name="sizeOnly"/>); null when it is no such chain.</summary>
    private ListChainNode? TryPlanListChain(Expr expr, Expr chain, bool sizeOnly)
    {
        if (!_fastLoops || !_fuseChains)
        {
            return null;
        }

        var shapes = new List<(ComprehensionExpr Comprehension, Expr? Filter, Expr Transform)>();
        var current = chain;
        while (current is ComprehensionExpr c && ListStageOf(c) is ({ } transform, var filter))
        {
            shapes.Add((c, filter, transform));
            current = c.IterRange;
        }

        if (shapes.Count < (sizeOnly ? 1 : 2))
        {
            return null;
        }

        _fuseChains = false;
        var general = PlanNode(expr);
        _fuseChains = true;

        shapes.Reverse();
        var range = Plan(current);
        var stages = new ListStage[shapes.Count];
        for (var k = 0; k < shapes.Count; k++)
        {
            var (c, filter, transform) = shapes[k];
            var accuSlot = _slots++;
            var iterSlot = _slots++;
            _scope.Add((c.AccuVar, accuSlot));
            _scope.Add((c.IterVar, iterSlot));
            var planned = Plan(transform);
            stages[k] = new ListStage(iterSlot, filter is null ? null : Plan(filter), planned, planned is SlotNode or SelectNode { ReadsLoopVariable: true });
            _scope.RemoveRange(_scope.Count - 2, 2);
        }

        return new ListChainNode(range, stages, sizeOnly, general) { Position = expr.Position };
    }

    /// <summary>The gathered element and the predicate (null for <c>map</c>) when <paramref name="c"/> is exactly what
    /// the macro expander builds for a one-variable list <c>map</c> or <c>filter</c>.</summary>
    private static (Expr? Transform, Expr? Filter) ListStageOf(ComprehensionExpr c)
    {
        static bool IsAccu(Expr e) => e is IdentExpr { Name: MacroNames.AccuVar };
        static Expr? Appended(Expr step) =>
            step is CallExpr { Target: null, Function: Operators.Add, Args: [var accu, ListExpr { Elements: [var element], OptionalIndices.Length: 0 }] } && IsAccu(accu)
                ? element
                : null;

        if (c is not { IterVar2: null, AccuVar: MacroNames.AccuVar, AccuInit: ListExpr { Elements.Length: 0 }, LoopCondition: ConstantExpr { Value: BoolValue { Value: true } } }
            || !IsAccu(c.Result))
        {
            return (null, null);
        }

        return c.LoopStep switch
        {
            CallExpr { Target: null, Function: Operators.Conditional, Args: [var filter, var then, var otherwise] } when IsAccu(otherwise) && Appended(then) is { } element
                => (element, filter),
            var step when Appended(step) is { } element => (element, null),
            _ => (null, null),
        };
    }

    /// <summary>Whether <c>size</c> with this many arguments (member or global) is only the standard library's.</summary>
    private bool IsStandardSize(bool member) =>
        _functions.Lookup("size").Where(o => o.IsMember == member && o.Parameters.Length == 1) is var overloads
        && overloads.Any() && overloads.All(o => o.Id.StartsWith("size_", StringComparison.Ordinal));
}
