using OciOperator.Cel.Values;

namespace OciOperator.Cel.Planning;

/// <summary>Per-evaluation state: the activation, comprehension variable slots, and the cost budget.</summary>
internal sealed class EvalContext
{
    private readonly long _costLimit;
    private readonly CancellationToken _ct;
    private long _cost;
    private int _depth;

    public EvalContext(ICelActivation activation, int slots, long costLimit, int maxCollectionSize, CancellationToken ct)
    {
        Activation = activation;
        Slots = new CelValue[slots];
        _costLimit = costLimit;
        MaxCollectionSize = maxCollectionSize;
        _ct = ct;
    }

    public ICelActivation Activation { get; }

    public CelValue[] Slots { get; }

    public int MaxCollectionSize { get; }

    public long Cost => _cost;

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
