using System.Text.Json;
using System.Text.Json.Nodes;
using OciOperator.Cel.Values;

namespace OciOperator.Cel.Planning;

/// <summary>
/// The built-in <c>==</c> / <c>!=</c> between a value read from JSON and a string literal (<c>x.status.phase == 'Ready'</c>):
/// a JSON string is compared in place, without materialising it. Anything else takes the general call.
/// </summary>
internal sealed class JsonStringEqualsNode(Interpretable json, string literal, bool negate, Interpretable general, bool charges = true) : Interpretable
{
    public override long? StaticCost => json.StaticCost is null ? null : general.StaticCost;

    public override CelValue Eval(EvalContext ctx)
    {
        // A JSON read that charges (a constant index) is charged again by the general call: set the cost back first.
        var checkpoint = ctx.Cost;
        if (!json.TryEvalJson(ctx, out var node, out var type) || type is not (null or { Kind: CelTypeKind.String or CelTypeKind.Dyn }))
        {
            ctx.RestoreCost(checkpoint);
            return general.Eval(ctx);
        }

        bool equal;
        if (node is not JsonValue v)
        {
            // Objects, arrays and null never equal a string.
            equal = false;
        }
        else if (v.TryGetValue<JsonElement>(out var element))
        {
            equal = element.ValueKind == JsonValueKind.String && element.ValueEquals(literal);
        }
        else if (v.GetValueKind() == JsonValueKind.String)
        {
            equal = v.GetValue<string>() == literal;
        }
        else
        {
            equal = false;
        }

        return charges && ctx.Charge(1) is { } budget ? budget.At(Position) : BoolValue.Of(equal != negate);
    }
}
