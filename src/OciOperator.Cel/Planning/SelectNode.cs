using OciOperator.Cel.Values;

namespace OciOperator.Cel.Planning;

/// <summary>Field selection (or the <c>has()</c> test) on a computed operand.</summary>
internal sealed class SelectNode(Interpretable operand, string field, bool testOnly) : Interpretable
{
    private readonly StringValue _key = StringValue.Of(field);

    public override CelValue Eval(EvalContext ctx) => FieldSelection.Select(operand.Eval(ctx), _key, testOnly, Position);
}
