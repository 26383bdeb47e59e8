using OciOperator.Cel.Values;

namespace OciOperator.Cel.Planning;

/// <summary>
/// A comparison of the built-in <c>size()</c> of JSON read in place with an int literal whose two-int overload is bound at
/// plan time (<c>svc.status.?loadBalancer.?ingress.orValue([]).size() &gt; 0</c>): one node, no <see cref="IntValue"/>,
/// charging the size call and the comparison together. When the size cannot be read in place, or the budget cannot
/// cover both charges, the cost is set back and the general plan runs (so its errors, positions and cost are unchanged).
/// </summary>
internal sealed class JsonSizeComparisonNode(JsonSizeNode size, IntComparison comparison, long literal, Interpretable general) : Interpretable
{
    public override long? StaticCost => general.StaticCost;

    public override CelValue Eval(EvalContext ctx)
    {
        var checkpoint = ctx.Cost;
        if (size.TrySize(ctx, out var n) && (!size.Charges || ctx.Charge(2) is null))
        {
            return BoolValue.Of(IntComparisons.Test(comparison, n, literal));
        }

        ctx.RestoreCost(checkpoint);
        return general.Eval(ctx);
    }
}
