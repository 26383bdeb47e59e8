using OciOperator.Cel.Values;

namespace OciOperator.Cel.Planning;

/// <summary>Logical AND: false wins over errors on either side (commutative error absorption).</summary>
internal sealed class AndNode(Interpretable left, Interpretable right) : Interpretable
{
    public override CelValue Eval(EvalContext ctx)
    {
        var l = left.Eval(ctx);
        if (l is BoolValue { Value: false })
        {
            return l;
        }

        var r = right.Eval(ctx);
        if (r is BoolValue { Value: false })
        {
            return r;
        }

        if (l is BoolValue && r is BoolValue)
        {
            return BoolValue.True;
        }

        if (l is ErrorValue)
        {
            return l;
        }

        return r is ErrorValue ? r : Error("no such overload: _&&_");
    }
}
