using OciOperator.Cel.Values;

namespace OciOperator.Cel.Planning;

/// <summary>Binds a comprehension variable to raw JSON data (a key or an element), wrapped only if read as a CEL value.</summary>
internal static class RawSlots
{
    public static void Bind(EvalContext ctx, int slot, object? raw, CelType? type = null)
    {
        ctx.Slots[slot] = null!;
        ctx.RawSlots[slot] = raw;
        ctx.RawTypes[slot] = type;
    }
}
