using OciOperator.Cel.Library;
using OciOperator.Cel.Values;

namespace OciOperator.Cel.Planning;

/// <summary>
/// A strict one-argument call (or a member call without arguments): no argument array on the way. With
/// <paramref name="bound"/> (the overload the checker resolved, see <c>Planner.BoundOverload</c>), a value that fits its
/// parameter is passed to it without dispatch.
/// </summary>
internal sealed class UnaryCallNode(string function, CelOverload[] overloads, Interpretable arg, CelOverload? bound = null, bool charges = true) : Interpretable
{
    private readonly OverloadDispatch _dispatch = new(overloads);
    private readonly CelType? _boundParameter = bound?.Parameters[0];
    private readonly bool _checkSizes = CallResults.MayBuildCollections(overloads);

    /// <summary>The overload bound at plan time, if any.</summary>
    public CelOverload? Bound => bound;

    public override long? StaticCost => StaticCosts.OfCall(arg.StaticCost);

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
        var a = arg.Eval(ctx);
        if (a is ErrorValue)
        {
            return a;
        }

        if (charges && ctx.Charge(1) is { } budget)
        {
            return budget.At(Position);
        }

        if ((_boundParameter is not null && CelOverload.Matches(_boundParameter, a) ? bound : _dispatch.Resolve(a)) is not { } o)
        {
            return Error($"no such overload: {function}");
        }

        if (o.Unary is not { } impl)
        {
            return CallResults.Invoke(o, [a], function, ctx, Position);
        }

        CelValue result;
        try
        {
            result = impl(a);
        }
        catch (Exception e) when (CallResults.IsLibraryFailure(e))
        {
            return CallResults.Failure(function, e, Position);
        }

        if (_checkSizes)
        {
            return CallResults.Check(result, ctx, Position);
        }

        return result is ErrorValue { Offset: < 0 } failure ? failure.At(Position) : result;
    }
}
