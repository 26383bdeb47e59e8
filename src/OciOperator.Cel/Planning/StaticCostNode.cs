using OciOperator.Cel.Values;

namespace OciOperator.Cel.Planning;

/// <summary>
/// A loop-free subtree whose cost is the same on every successful evaluation (<see cref="Interpretable.StaticCost"/>):
/// the cost is charged once, up front, and <paramref name="uncharged"/> (the subtree planned without per-node charges;
/// lists that calls build are still charged for their size as they are built) runs. When the budget cannot cover it (or evaluation was cancelled), or the subtree fails, the charge is taken back
/// and <paramref name="charged"/> (the same subtree charging per node) runs instead, so the cost limit error, its
/// position, and the cost of a failed evaluation are exactly those of per-node charging.
/// </summary>
internal sealed class StaticCostNode(long cost, Interpretable uncharged, Interpretable charged) : Interpretable
{
    public override CelValue Eval(EvalContext ctx)
    {
        var checkpoint = ctx.Cost;
        if (ctx.Charge(cost) is null)
        {
            var v = uncharged.Eval(ctx);
            if (v is not ErrorValue)
            {
                return v;
            }
        }

        ctx.RestoreCost(checkpoint);
        return charged.Eval(ctx);
    }
}
