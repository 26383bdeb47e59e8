using OciOperator.Cel.Library;
using OciOperator.Cel.Values;

namespace OciOperator.Cel.Planning;

/// <summary>
/// A strict function call with any number of arguments (errors propagate), dispatched at run time unless the values fit
/// <paramref name="bound"/>, the overload the checker resolved (see <c>Planner.BoundOverload</c>).
/// </summary>
internal sealed class CallNode(string function, CelOverload[] overloads, Interpretable[] args, CelOverload? bound = null, bool charges = true) : Interpretable
{
    private readonly OverloadDispatch _dispatch = new(overloads);

    /// <summary>The overload bound at plan time, if any.</summary>
    public CelOverload? Bound => bound;

    public override long? StaticCost => StaticCosts.OfCall(StaticCosts.Sum(args));

    public override CelValue Eval(EvalContext ctx)
    {
        if (ctx.Enter() is { } tooDeep)
        {
            return tooDeep.At(Position);
        }

        // No try/finally: an exception ends the whole evaluation, and the next one starts at depth 0.
        var result = EvalCore(ctx);
        ctx.Leave();
        return result;
    }

    private CelValue EvalCore(EvalContext ctx)
    {
        var values = args.Length == 0 ? [] : new CelValue[args.Length];
        for (var i = 0; i < args.Length; i++)
        {
            var v = args[i].Eval(ctx);
            if (v is ErrorValue)
            {
                return v;
            }

            values[i] = v;
        }

        if (charges && ctx.Charge(1) is { } budget)
        {
            return budget.At(Position);
        }

        return (bound is not null && bound.Accepts(values) ? bound : _dispatch.Resolve(values)) is { } o
            ? CallResults.Invoke(o, values, function, ctx, Position)
            : Error($"no such overload: {function}");
    }
}
