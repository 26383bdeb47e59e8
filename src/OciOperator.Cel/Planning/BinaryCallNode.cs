using OciOperator.Cel.Library;
using OciOperator.Cel.Values;

namespace OciOperator.Cel.Planning;

/// <summary>
/// A strict two-argument call (operators, member calls with one argument): no argument array on the way. With
/// <paramref name="bound"/> (the overload the checker resolved, see <c>Planner.BoundOverload</c>), values that fit its
/// parameters are passed to it without dispatch.
/// </summary>
internal sealed class BinaryCallNode(string function, CelOverload[] overloads, Interpretable left, Interpretable right, bool bindIntComparison = false, CelOverload? bound = null, bool charges = true) : Interpretable
{
    private readonly OverloadDispatch _dispatch = new(overloads);
    private readonly CelType? _boundLeft = bound?.Parameters[0];
    private readonly CelType? _boundRight = bound?.Parameters[1];
    private readonly IntComparison _intComparison = bindIntComparison ? IntComparisons.Bind(function, overloads, right) : IntComparison.None;
    private readonly long _intLiteral = right is ConstNode { Value: IntValue literal } ? literal.Value : 0;
    private readonly bool _checkSizes = CallResults.MayBuildCollections(overloads);

    /// <summary>The overload bound at plan time, if any.</summary>
    public CelOverload? Bound => bound;

    public override long? StaticCost => StaticCosts.OfCall(left.StaticCost + right.StaticCost);

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
        var a = left.Eval(ctx);
        if (a is ErrorValue)
        {
            return a;
        }

        if (_intComparison != IntComparison.None && a is IntValue ai)
        {
            // The overload bound at plan time for (int, int literal): what dispatch would pick, without dispatch.
            return charges && ctx.Charge(1) is { } charged ? charged.At(Position) : BoolValue.Of(IntComparisons.Test(_intComparison, ai.Value, _intLiteral));
        }

        var b = right.Eval(ctx);
        if (b is ErrorValue)
        {
            return b;
        }

        if (charges && ctx.Charge(1) is { } budget)
        {
            return budget.At(Position);
        }

        if ((_boundLeft is not null && CelOverload.Matches(_boundLeft, a) && CelOverload.Matches(_boundRight!, b) ? bound : _dispatch.Resolve(a, b)) is not { } o)
        {
            return Error($"no such overload: {function}");
        }

        if (o.Binary is not { } impl)
        {
            return CallResults.Invoke(o, [a, b], function, ctx, Position);
        }

        CelValue result;
        try
        {
            result = impl(a, b);
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
