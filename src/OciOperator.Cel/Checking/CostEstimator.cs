using OciOperator.Cel.Ast;
using OciOperator.Cel.Common;
using OciOperator.Cel.Values;

namespace OciOperator.Cel.Checking;

/// <summary>
/// Estimates the worst-case (and best-case) cost of an expression from its AST, like Kubernetes' CEL cost estimator:
/// the runtime's cost model (<see cref="Planning.EvalContext.Charge"/>) applied with size bounds instead of values.
/// Sizes of lists and maps are known for literals, concatenations, <c>lists.range(n)</c>, comprehensions over known
/// ranges and values whose schema gives a size hint (maxItems, maxProperties, maxLength); anything else (a dyn
/// variable's list, a function's result) is bounded by <c>MaxCollectionSize</c>.
/// </summary>
internal sealed class CostEstimator(long maxCollectionSize, Func<long, CelType?> typeOf)
{
    private readonly Dictionary<string, Range> _localSizes = new(StringComparer.Ordinal);

    public CelCostEstimate Estimate(Expr e)
    {
        System.Runtime.CompilerServices.RuntimeHelpers.EnsureSufficientExecutionStack();
        var (cost, _) = Visit(e);
        return new CelCostEstimate(cost.Min, cost.Max);
    }

    private (Range Cost, Range Size) Visit(Expr e)
    {
        System.Runtime.CompilerServices.RuntimeHelpers.EnsureSufficientExecutionStack();
        return e switch
        {
            ConstantExpr c => (Range.Zero, ConstantSize(c.Value)),
            IdentExpr id => (Range.Zero, _localSizes.TryGetValue(id.Name, out var local) ? local : Hinted(id)),
            SelectExpr s => (Visit(s.Operand).Cost, s.TestOnly ? Range.Zero : Hinted(s)),
            ListExpr l => Literal(l.Elements),
            MapExpr m => Literal([.. m.Entries.SelectMany(x => new[] { x.Key, x.Value })], m.Entries.Length),
            StructExpr st => (Sum(st.Fields.Select(f => Visit(f.Value).Cost)), Unknown),
            CallExpr call => VisitCall(call),
            ComprehensionExpr comp => VisitComprehension(comp),
            _ => (Range.Zero, Unknown),
        };
    }

    private Range Unknown => new(0, maxCollectionSize);

    /// <summary>The size of a variable or field: its schema's size hint when the checked type has one.</summary>
    private Range Hinted(Expr e) => typeOf(e.Id)?.MaxSize is { } max ? new Range(0, Math.Min(max, maxCollectionSize)) : Unknown;

    private static Range ConstantSize(CelValue v) => v switch
    {
        StringValue s => Range.Exactly(s.CodePointCount),
        BytesValue b => Range.Exactly(b.Value.Length),
        _ => Range.Zero,
    };

    private (Range Cost, Range Size) Literal(IReadOnlyList<Expr> parts, int? count = null)
    {
        var cost = Sum(parts.Select(p => Visit(p).Cost));
        return (cost, Range.Exactly(count ?? parts.Count));
    }

    private (Range Cost, Range Size) VisitCall(CallExpr call)
    {
        var args = call.Target is null ? call.Args : [call.Target, .. call.Args];
        var visited = args.Select(Visit).ToArray();
        switch (call.Function)
        {
            case Operators.LogicalAnd or Operators.LogicalOr:
                // Short-circuit: the right side may not run.
                return (new Range(visited[0].Cost.Min, Add(visited[0].Cost.Max, visited[1].Cost.Max)), Range.Zero);
            case Operators.Conditional:
            {
                var (then, otherwise) = (visited[1], visited[2]);
                var cost = new Range(
                    Add(visited[0].Cost.Min, Math.Min(then.Cost.Min, otherwise.Cost.Min)),
                    Add(visited[0].Cost.Max, Math.Max(then.Cost.Max, otherwise.Cost.Max)));
                return (cost, Range.Union(then.Size, otherwise.Size));
            }

            case Operators.NotStrictlyFalse:
                return visited[0];
        }

        var argCost = Sum(visited.Select(v => v.Cost));
        var size = call.Function switch
        {
            Operators.Add when visited.Length == 2 => Range.Sum(visited[0].Size, visited[1].Size),
            "lists.range" when call.Args is [ConstantExpr { Value: IntValue n }] => Range.Exactly(Math.Max(0, n.Value)),
            _ => Unknown,
        };

        // One unit for the call; a list result costs one more per 16 elements (only charged above 16). Appending to
        // a comprehension's accumulator is done in place (no size charge).
        var callCost = new Range(1, 1);
        var accumulatorAppend = call.Function == Operators.Add && call.Args is [IdentExpr { Name: MacroNames.AccuVar }, ListExpr];
        if (!accumulatorAppend && typeOf(call.Id) is { Kind: CelTypeKind.List } && size.Max > 16)
        {
            callCost = new Range(1, Add(1, size.Max / 16));
        }

        return (Range.Sum(argCost, callCost), size);
    }

    private (Range Cost, Range Size) VisitComprehension(ComprehensionExpr c)
    {
        var (rangeCost, rangeSize) = Visit(c.IterRange);
        var (initCost, initSize) = Visit(c.AccuInit);
        var savedIter = _localSizes.TryGetValue(c.IterVar, out var iterBefore);
        var savedAccu = _localSizes.TryGetValue(c.AccuVar, out var accuBefore);
        _localSizes[c.IterVar] = Unknown;
        _localSizes[c.AccuVar] = Range.Sum(initSize, new Range(0, rangeSize.Max));
        var cond = Visit(c.LoopCondition).Cost;
        var step = Visit(c.LoopStep).Cost;
        var (resultCost, resultSize) = Visit(c.Result);
        Restore(c.IterVar, savedIter, iterBefore);
        Restore(c.AccuVar, savedAccu, accuBefore);

        // Each iteration costs one unit plus its condition and step; the loop may stop at the first iteration.
        var perIteration = Add(1, Add(cond.Max, step.Max));
        var max = Add(Add(rangeCost.Max, initCost.Max), Add(Multiply(rangeSize.Max, perIteration), resultCost.Max));
        var min = Add(Add(rangeCost.Min, initCost.Min), resultCost.Min);
        return (new Range(min, max), resultSize);
    }

    private void Restore(string name, bool had, Range before)
    {
        if (had)
        {
            _localSizes[name] = before;
        }
        else
        {
            _localSizes.Remove(name);
        }
    }

    private static Range Sum(IEnumerable<Range> ranges) => ranges.Aggregate(Range.Zero, Range.Sum);

    internal static long Add(long a, long b) => a > long.MaxValue - b ? long.MaxValue : a + b;

    internal static long Multiply(long a, long b) => a == 0 || b == 0 ? 0 : a > long.MaxValue / b ? long.MaxValue : a * b;

    private readonly record struct Range(long Min, long Max)
    {
        public static Range Zero => new(0, 0);

        public static Range Exactly(long n) => new(n, n);

        public static Range Sum(Range a, Range b) => new(Add(a.Min, b.Min), Add(a.Max, b.Max));

        public static Range Union(Range a, Range b) => new(Math.Min(a.Min, b.Min), Math.Max(a.Max, b.Max));
    }
}
