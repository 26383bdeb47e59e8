using OciOperator.Cel.Values;

namespace OciOperator.Cel.Planning;

/// <summary>A planned, evaluable node. Immutable; per-evaluation state lives in <see cref="EvalContext"/>.</summary>
internal abstract class Interpretable
{
    /// <summary>
    /// The source offset of the expression this node was planned from (-1 when synthetic). Set once by the planner
    /// right after construction; never changed afterwards.
    /// </summary>
    public int Position { get; set; } = -1;

    public abstract CelValue Eval(EvalContext ctx);

    /// <summary>
    /// The cost every successful evaluation of this node charges, when it is the same every time (loop-free code without
    /// short-circuits or lazy defaults, see <see cref="StaticCostNode"/>), not counting the size charges of lists that
    /// calls build (charged as they are built); null when it varies.
    /// </summary>
    public virtual long? StaticCost => null;

    /// <summary>
    /// Evaluates to a JSON node without wrapping it, when this node reads JSON host data and the read succeeds
    /// (an evaluation fast path; on false, call <see cref="Eval"/>, which also reports any error).
    /// </summary>
    public virtual bool TryEvalJson(EvalContext ctx, out System.Text.Json.Nodes.JsonNode? node, out CelType? type)
    {
        node = null;
        type = null;
        return false;
    }

    /// <summary>Gives an error produced by this node (one without a location yet) this node's position.</summary>
    protected CelValue Located(CelValue v) => v is ErrorValue { Offset: < 0 } e ? e.At(Position) : v;

    /// <summary>A new error at this node's position.</summary>
    protected ErrorValue Error(string message) => new(message, Position);
}
