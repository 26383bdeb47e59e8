using OciOperator.Cel.Values;

namespace OciOperator.Cel.Planning;

internal sealed class ErrorNode(string message) : Interpretable
{
    public override CelValue Eval(EvalContext ctx) => Error(message);
}
