using OciOperator.Cel.Values;

namespace OciOperator.Cel.Planning;

/// <summary>A planned, evaluable node. Immutable; per-evaluation state lives in <see cref="EvalContext"/>.</summary>
internal abstract class Interpretable
{
    public abstract CelValue Eval(EvalContext ctx);
}
