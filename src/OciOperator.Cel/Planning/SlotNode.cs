using System.Text.Json.Nodes;
using OciOperator.Cel.Values;

namespace OciOperator.Cel.Planning;

/// <summary>
/// Reads a comprehension variable. A loop over JSON may leave the value slot empty and the raw key or element in
/// <see cref="EvalContext.RawSlots"/>: it is wrapped on first read as a CEL value (and kept), while JSON readers
/// (<see cref="TryEvalJson"/>, <see cref="TryEvalString"/>) use it as it is.
/// </summary>
internal sealed class SlotNode(int slot) : Interpretable
{
    public int Slot { get; } = slot;

    public override CelValue Eval(EvalContext ctx) => ctx.Slots[Slot] ?? Materialize(ctx);

    public override long? StaticCost => 0;

    public override bool TryEvalJson(EvalContext ctx, out JsonNode? node, out CelType? type)
    {
        switch (ctx.Slots[Slot])
        {
            case null when ctx.RawSlots[Slot] is JsonNode raw:
                node = raw;
                type = ctx.RawTypes[Slot];
                return true;
            case JsonObjectMapValue json:
                node = json.Object;
                type = json.SchemaType;
                return true;
            default:
                node = null;
                type = null;
                return false;
        }
    }

    /// <summary>The variable's string without wrapping it, when it is a string.</summary>
    public bool TryEvalString(EvalContext ctx, out string value)
    {
        switch (ctx.Slots[Slot])
        {
            case StringValue s:
                value = s.Value;
                return true;
            case null when ctx.RawSlots[Slot] is string raw:
                value = raw;
                return true;
            default:
                value = string.Empty;
                return false;
        }
    }

    private CelValue Materialize(EvalContext ctx)
    {
        CelValue v = ctx.RawSlots[Slot] switch
        {
            string key => StringValue.Of(key),
            JsonNode node => JsonValues.FromNode(node, ctx.RawTypes[Slot]),
            _ => NullValue.Instance,
        };
        ctx.Slots[Slot] = v;
        return v;
    }
}
