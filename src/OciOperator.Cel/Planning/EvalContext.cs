using OciOperator.Cel.Common;
using OciOperator.Cel.Values;

namespace OciOperator.Cel.Planning;

/// <summary>
/// Per-evaluation state: the activation, comprehension variable slots, and the cost budget. One instance per thread
/// is reused (<see cref="Rent"/>/<see cref="Return"/>) so that an evaluation allocates no context; a nested
/// evaluation on the same thread (a host function evaluating another program) gets a fresh one.
/// </summary>
internal sealed partial class EvalContext
{
    [ThreadStatic]
    private static EvalContext? t_spare;

    private CelValue[] _slots = [];
    private object?[] _raw = [];
    private CelType?[] _rawTypes = [];
    private long _costLimit;
    private CancellationToken _ct;
    private long _cost;
    private int _depth;
    private int _slotCount;

    private EvalContext()
    {
    }

    public ICelActivation Activation { get; private set; } = CelActivation.Empty;

    public CelValue[] Slots => _slots;

    /// <summary>
    /// Raw host data of comprehension variables whose value slot is null: a JSON object key (<see cref="string"/>) or a
    /// JSON element (<see cref="System.Text.Json.Nodes.JsonNode"/>, with its schema type in <see cref="RawTypes"/>),
    /// wrapped only when something reads the variable as a CEL value (see <see cref="SlotNode"/>).
    /// </summary>
    public object?[] RawSlots => _raw;

    public CelType?[] RawTypes => _rawTypes;

    public int MaxCollectionSize { get; private set; }

    public long Cost => _cost;

    /// <summary>A context for one evaluation: this thread's spare one when it is free, else a new one.</summary>
    public static EvalContext Rent(ICelActivation activation, ProgramLayout layout, long costLimit, int maxCollectionSize, CancellationToken ct)
    {
        var ctx = t_spare ?? new EvalContext();
        t_spare = null;
        var slots = layout.Slots;
        if (ctx._slots.Length < slots)
        {
            ctx._slots = new CelValue[slots];
            ctx._raw = new object?[slots];
            ctx._rawTypes = new CelType?[slots];
        }

        ctx._slotCount = slots;
        ctx.BindVariables(activation, layout);
        ctx.Activation = activation;
        ctx._costLimit = costLimit;
        ctx.MaxCollectionSize = maxCollectionSize;
        ctx._ct = ct;
        ctx._cost = 0;
        ctx._depth = 0;
        return ctx;
    }

    /// <summary>Gives a context back after its evaluation; it keeps no references to the evaluation's values.</summary>
    public static void Return(EvalContext ctx)
    {
        if (ctx._slotCount > 0)
        {
            ctx._slots.AsSpan(0, ctx._slotCount).Clear();
            ctx._raw.AsSpan(0, ctx._slotCount).Clear();
            ctx._rawTypes.AsSpan(0, ctx._slotCount).Clear();
        }

        ctx.UnbindVariables();
        ctx.Activation = CelActivation.Empty;
        ctx._ct = default;
        t_spare = ctx;
    }

    /// <summary>
    /// Tracks evaluation nesting; every 32 levels it checks that enough stack remains (the check is too costly
    /// to run on every call). Returns an error value instead of letting the stack overflow.
    /// </summary>
    public ErrorValue? Enter()
    {
        if ((++_depth & 31) == 0 && !System.Runtime.CompilerServices.RuntimeHelpers.TryEnsureSufficientExecutionStack())
        {
            _depth--;
            return new ErrorValue("evaluation exceeded the maximum nesting depth");
        }

        return null;
    }

    public void Leave() => _depth--;

    /// <summary>Adds cost without checking the budget (for charges whose failure the expansion would ignore; the next
    /// <see cref="Charge"/> sees the total).</summary>
    public void AddCost(long units) => _cost += units;

    /// <summary>Sets the charged cost back to what it was at a checkpoint (<see cref="Cost"/>), for a fast path that
    /// gives up and lets the general path evaluate the same expression, charging exactly as it does.</summary>
    public void RestoreCost(long checkpoint) => _cost = checkpoint;

    /// <summary>Charges cost; returns an error value when the budget is exhausted or evaluation was cancelled.</summary>
    public ErrorValue? Charge(long units)
    {
        _cost += units;
        if (_cost > _costLimit)
        {
            return new ErrorValue($"operation cancelled: actual cost limit exceeded ({_costLimit})");
        }

        if ((_cost & 0x3FF) < units && _ct.IsCancellationRequested)
        {
            return new ErrorValue("operation cancelled: evaluation was cancelled");
        }

        return null;
    }
}
