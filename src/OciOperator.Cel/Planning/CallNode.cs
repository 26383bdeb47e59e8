using OciOperator.Cel.Library;
using OciOperator.Cel.Values;

namespace OciOperator.Cel.Planning;

/// <summary>A strict function call dispatched at run time over the candidate overloads (errors propagate).</summary>
internal sealed class CallNode(string function, CelOverload[] overloads, Interpretable[] args) : Interpretable
{
    public override CelValue Eval(EvalContext ctx)
    {
        if (ctx.Enter() is { } tooDeep)
        {
            return tooDeep;
        }

        try
        {
            return EvalCore(ctx);
        }
        finally
        {
            ctx.Leave();
        }
    }

    private CelValue EvalCore(EvalContext ctx)
    {
        var values = new CelValue[args.Length];
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
            return budget;
        }

        foreach (var o in overloads)
        {
            if (o.Accepts(values))
            {
                CelValue result;
                try
                {
                    result = o.Implementation!(values);
                }
                catch (Exception e) when (e is InvalidCastException or ArgumentException or IndexOutOfRangeException or OverflowException
                    or FormatException or NotSupportedException or InvalidOperationException or System.Text.RegularExpressions.RegexMatchTimeoutException)
                {
                    // A library function must not crash the host: the failure becomes an error value.
                    return new ErrorValue($"{function}: {e.Message}");
                }

                if (result is ListValue { Count: var n })
                {
                    if (n > ctx.MaxCollectionSize)
                    {
                        return new ErrorValue($"collection size {n} exceeds limit {ctx.MaxCollectionSize}");
                    }

                    // Building a collection costs in proportion to its size.
                    if (n > 16 && ctx.Charge(n / 16) is { } listBudget)
                    {
                        return listBudget;
                    }
                }

                if ((result is StringValue s && s.Value.Length > ctx.MaxCollectionSize * 16L)
                    || (result is BytesValue b && b.Value.Length > ctx.MaxCollectionSize * 16L))
                {
                    return new ErrorValue("string or bytes size exceeds limit");
                }

                return result;
            }
        }

        return ErrorValue.NoSuchOverload(function);
    }
}
