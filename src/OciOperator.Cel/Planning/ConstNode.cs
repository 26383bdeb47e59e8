using OciOperator.Cel.Values;

namespace OciOperator.Cel.Planning;

internal sealed class ConstNode(CelValue value) : Interpretable
{
    public CelValue Value { get; } = value;

    public override CelValue Eval(EvalContext ctx) => Value;
}
