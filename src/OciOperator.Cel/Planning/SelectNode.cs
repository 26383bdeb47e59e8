using OciOperator.Cel.Values;

namespace OciOperator.Cel.Planning;

internal sealed class SelectNode(Interpretable operand, string field, bool testOnly) : Interpretable
{
    public override CelValue Eval(EvalContext ctx) => FieldSelection.Select(operand.Eval(ctx), field, testOnly);
}
