using OciOperator.Cel.Values;

namespace OciOperator.Cel.Planning;

/// <summary>
/// A comparison of a value read from JSON with an int literal whose two-int overload is bound at plan time
/// (<see cref="IntComparison"/>; <c>deployment.status.availableReplicas &gt; 0</c>): a JSON integer is compared straight
/// from the JSON, with no <see cref="IntValue"/>. Anything else takes the general call, which also reports any error.
/// </summary>
internal sealed class JsonIntComparisonNode(Interpretable json, IntComparison comparison, long literal, Interpretable general, bool charges = true) : Interpretable
{
    public override long? StaticCost => json.StaticCost is null ? null : general.StaticCost;

    public override CelValue Eval(EvalContext ctx)
    {
        // A JSON read that charges (a constant index) is charged again by the general call: set the cost back first.
        var checkpoint = ctx.Cost;
        if (!json.TryEvalJson(ctx, out var node, out var type) || !JsonValues.TryReadInt(node, type, out var value))
        {
            ctx.RestoreCost(checkpoint);
            return general.Eval(ctx);
        }

        return charges && ctx.Charge(1) is { } budget ? budget.At(Position) : BoolValue.Of(IntComparisons.Test(comparison, value, literal));
    }
}
