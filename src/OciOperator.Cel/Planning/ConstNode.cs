using OciOperator.Cel.Values;

namespace OciOperator.Cel.Planning;

internal sealed class ConstNode(CelValue value) : Interpretable
{
    public CelValue Value { get; } = value;

    public override CelValue Eval(EvalContext ctx) => Value;

    public override long? StaticCost => 0;
}
