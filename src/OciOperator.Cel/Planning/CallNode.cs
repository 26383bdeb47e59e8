using OciOperator.Cel.Library;
using OciOperator.Cel.Values;

namespace OciOperator.Cel.Planning;

/// <summary>A strict function call with any number of arguments, dispatched at run time (errors propagate).</summary>
internal sealed class CallNode(string function, CelOverload[] overloads, Interpretable[] args) : Interpretable
{
    private readonly OverloadDispatch _dispatch = new(overloads);

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

        if (ctx.Charge(1) is { } budget)
        {
            return budget.At(Position);
        }

        return _dispatch.Resolve(values) is { } o
            ? CallResults.Invoke(o, values, function, ctx, Position)
            : Error($"no such overload: {function}");
    }
}
