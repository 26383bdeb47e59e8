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
        if (!json.TryEvalJson(ctx, out var node, out var type) || type is not (null or { Kind: CelTypeKind.String or CelTypeKind.Dyn }))
        {
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
