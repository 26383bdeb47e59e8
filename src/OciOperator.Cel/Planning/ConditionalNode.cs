using OciOperator.Cel.Values;

namespace OciOperator.Cel.Planning;

internal sealed class ConditionalNode(Interpretable cond, Interpretable then, Interpretable otherwise) : Interpretable
{
    public override CelValue Eval(EvalContext ctx) => cond.Eval(ctx) switch
    {
        BoolValue { Value: true } => then.Eval(ctx),
        BoolValue => otherwise.Eval(ctx),
        ErrorValue e => e,
        _ => Error("no such overload: _?_:_"),
    };
}
