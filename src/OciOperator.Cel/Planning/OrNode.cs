using OciOperator.Cel.Values;

namespace OciOperator.Cel.Planning;

/// <summary>Logical OR: true wins over errors on either side (commutative error absorption).</summary>
internal sealed class OrNode(Interpretable left, Interpretable right) : Interpretable
{
    public override CelValue Eval(EvalContext ctx)
    {
        var l = left.Eval(ctx);
        if (l is BoolValue { Value: true })
        {
            return l;
        }

        var r = right.Eval(ctx);
        if (r is BoolValue { Value: true })
        {
            return r;
        }

        if (l is BoolValue && r is BoolValue)
        {
            return BoolValue.False;
        }

        if (l is ErrorValue)
        {
            return l;
        }

        return r is ErrorValue ? r : Error("no such overload: _||_");
    }
}
