using OciOperator.Cel.Values;

namespace OciOperator.Cel.Planning;

/// <summary>The comprehension loop guard: true unless the operand is exactly false.</summary>
internal sealed class NotStrictlyFalseNode(Interpretable operand) : Interpretable
{
    public override CelValue Eval(EvalContext ctx) => operand.Eval(ctx) is BoolValue { Value: false } ? BoolValue.False : BoolValue.True;
}
