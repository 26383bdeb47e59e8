using System.Text.Json;
using System.Text.Json.Nodes;
using OciOperator.Cel.Values;

namespace OciOperator.Cel.Planning;

/// <summary>
/// The built-in <c>+</c> of a string read from JSON and a string literal (<c>schema.metadata.name + "-db"</c>): the JSON
/// string is read in place and only the result is wrapped. Anything else takes the general call.
/// </summary>
internal sealed class JsonStringConcatNode(Interpretable json, string literal, bool literalFirst, Interpretable general, bool charges = true) : Interpretable
{
    public override long? StaticCost => json.StaticCost is null ? null : general.StaticCost;

    public override CelValue Eval(EvalContext ctx)
    {
        if (!json.TryEvalJson(ctx, out var node, out var type) || type is not (null or { Kind: CelTypeKind.String or CelTypeKind.Dyn })
            || node is not JsonValue v || v.GetValueKind() != JsonValueKind.String)
        {
            return general.Eval(ctx);
        }

        if (charges && ctx.Charge(1) is { } budget)
        {
            return budget.At(Position);
        }

        var s = v.GetValue<string>();
        return CallResults.Check(StringValue.Of(literalFirst ? literal + s : s + literal), ctx, Position);
    }
}
