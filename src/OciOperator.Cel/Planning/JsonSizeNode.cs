using System.Text.Json;
using System.Text.Json.Nodes;
using OciOperator.Cel.Values;

namespace OciOperator.Cel.Planning;

/// <summary>
/// The built-in <c>size()</c> over an argument that can read JSON directly: the size of a JSON array, object or
/// string without wrapping it. Anything else takes the general call.
/// </summary>
internal sealed class JsonSizeNode(Interpretable arg, Interpretable general, bool charges = true) : Interpretable
{
    // Either path charges what the general call charges (the argument's JSON read in place charges nothing).
    public override long? StaticCost => arg.StaticCost is null ? null : general.StaticCost;

    public override CelValue Eval(EvalContext ctx)
    {
        if (!arg.TryEvalJson(ctx, out var node, out var type) || type is not (null or { Kind: CelTypeKind.List or CelTypeKind.Map or CelTypeKind.Message or CelTypeKind.String or CelTypeKind.Dyn }))
        {
            return general.Eval(ctx);
        }

        int size;
        switch (node)
        {
            case JsonArray a:
                size = a.Count;
                break;
            case JsonObject o:
                size = o.Count;
                break;
            case JsonValue v when v.GetValueKind() == JsonValueKind.String:
                size = StringValue.CountCodePoints(v.GetValue<string>());
                break;
            default:
                return general.Eval(ctx);
        }

        return charges && ctx.Charge(1) is { } budget ? budget.At(Position) : IntValue.Of(size);
    }
}
