using OciOperator.Cel.Values;

namespace OciOperator.Cel.Planning;

/// <summary>Reads a comprehension variable.</summary>
internal sealed class SlotNode(int slot) : Interpretable
{
    public int Slot { get; } = slot;

    public override CelValue Eval(EvalContext ctx) => ctx.Slots[Slot];
}
