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

    /// <summary>Whether this node charges per evaluation (false inside a subtree charged its static cost).</summary>
    public bool Charges => charges;

    public override CelValue Eval(EvalContext ctx)
    {
        if (!TrySize(ctx, out var size))
        {
            return general.Eval(ctx);
        }

        return charges && ctx.Charge(1) is { } budget ? budget.At(Position) : IntValue.Of(size);
    }

    /// <summary>
    /// The size of the JSON the argument reads, in place and charging nothing; false (with the cost as it was) when the
    /// argument does not read JSON of a sized kind, and <see cref="Eval"/> (the general call) gives the value.
    /// </summary>
    public bool TrySize(EvalContext ctx, out int size)
    {
        // A JSON read that charges (a constant index) is charged again by the general call: set the cost back first.
        var checkpoint = ctx.Cost;
        if (arg.TryEvalJson(ctx, out var node, out var type) && type is null or { Kind: CelTypeKind.List or CelTypeKind.Map or CelTypeKind.Message or CelTypeKind.String or CelTypeKind.Dyn })
        {
            switch (node)
            {
                case JsonArray a:
                    size = a.Count;
                    return true;
                case JsonObject o:
                    size = o.Count;
                    return true;
                case JsonValue v when v.GetValueKind() == JsonValueKind.String:
                    size = StringValue.CountCodePoints(v.GetValue<string>());
                    return true;
            }
        }

        ctx.RestoreCost(checkpoint);
        size = 0;
        return false;
    }
}
