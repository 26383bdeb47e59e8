using OciOperator.Cel.Values;

namespace OciOperator.Cel.Planning;

/// <summary>
/// <c>string(x)</c> where <c>x</c> reads JSON and the call would run the standard library's <c>string(int)</c> for an int
/// (<c>string(job.status.succeeded)</c>): a JSON integer is formatted straight from the JSON, with no <see cref="IntValue"/>
/// and no dispatch. Anything else (not an integer, a schema type that reads the number differently, an error) takes the
/// general call, which also reports any error.
/// </summary>
internal sealed class JsonIntToStringNode(Interpretable json, Interpretable general, bool charges = true) : Interpretable
{
    /// <summary>The general call (for tests of the plan's shape).</summary>
    public Interpretable General => general;

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

        if (charges && ctx.Charge(1) is { } budget)
        {
            return budget.At(Position);
        }

        var result = StringValue.OfInt(value);
        // The general call's result check (a string longer than the collection limit allows is an error).
        return result.Value.Length > ctx.MaxCollectionSize * 16L ? new ErrorValue("string or bytes size exceeds limit", Position) : result;
    }
}
