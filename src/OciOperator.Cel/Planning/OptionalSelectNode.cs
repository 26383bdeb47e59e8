using OciOperator.Cel.Extensions;
using OciOperator.Cel.Values;

namespace OciOperator.Cel.Planning;

/// <summary><c>operand.?field</c> with the field name known at plan time (the usual case): no dispatch, no key allocation.</summary>
internal sealed class OptionalSelectNode(Interpretable operand, StringValue field) : Interpretable
{
    public override CelValue Eval(EvalContext ctx)
    {
        var v = operand.Eval(ctx);
        return v is ErrorValue ? v : Located(OptionalsLibrary.OptSelect(v, field));
    }
}
