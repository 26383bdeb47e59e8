using OciOperator.Cel.Planning;
using OciOperator.Cel.Values;

namespace OciOperator.Cel;

/// <summary>A compiled, immutable, thread-safe CEL program.</summary>
public sealed class CelProgram
{
    private readonly Interpretable _root;
    private readonly int _slots;
    private readonly long _costLimit;
    private readonly int _maxCollectionSize;

    internal CelProgram(Interpretable root, int slots, CelType resultType, long costLimit, int maxCollectionSize)
    {
        _root = root;
        _slots = slots;
        ResultType = resultType;
        _costLimit = costLimit;
        _maxCollectionSize = maxCollectionSize;
    }

    /// <summary>The checked result type (dyn for unchecked programs).</summary>
    public CelType ResultType { get; }

    /// <summary>Evaluates the program. Evaluation errors are returned as <see cref="ErrorValue"/>, never thrown.</summary>
    public CelValue Evaluate(ICelActivation activation, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(activation);
        var ctx = new EvalContext(activation, _slots, _costLimit, _maxCollectionSize, ct);
        try
        {
            return _root.Eval(ctx);
        }
        catch (InsufficientExecutionStackException)
        {
            return new ErrorValue("evaluation exceeded the maximum nesting depth");
        }
        catch (System.Text.RegularExpressions.RegexMatchTimeoutException)
        {
            return new ErrorValue("regular expression evaluation timed out");
        }
    }
}
