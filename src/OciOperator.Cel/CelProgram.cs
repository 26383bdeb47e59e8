using OciOperator.Cel.Common;
using OciOperator.Cel.Planning;
using OciOperator.Cel.Values;

namespace OciOperator.Cel;

/// <summary>A compiled, immutable, thread-safe CEL program.</summary>
public sealed class CelProgram
{
    private readonly Interpretable _root;
    private readonly ProgramLayout _layout;
    private readonly long _costLimit;
    private readonly int _maxCollectionSize;

    internal CelProgram(string source, Interpretable root, ProgramLayout layout, CelType resultType, long costLimit, int maxCollectionSize)
    {
        Source = source;
        _root = root;
        _layout = layout;
        ResultType = resultType;
        _costLimit = costLimit;
        _maxCollectionSize = maxCollectionSize;
    }

    /// <summary>The planned root node (for tests of the plan's shape).</summary>
    internal Interpretable Root => _root;

    /// <summary>The expression text the program was compiled from.</summary>
    public string Source { get; }

    /// <summary>The checked result type (dyn for unchecked programs).</summary>
    public CelType ResultType { get; }

    /// <summary>Evaluates the program. Evaluation errors are returned as <see cref="ErrorValue"/>, never thrown.</summary>
    public CelValue Evaluate(ICelActivation activation, CancellationToken ct = default) => Evaluate(activation, out _, ct);

    /// <summary>Evaluates the program and reports the cost the evaluation was charged (as Kubernetes charges a CRD
    /// validation rule against the per-object budget).</summary>
    public CelValue Evaluate(ICelActivation activation, out long cost, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(activation);
        cost = 0;
        var ctx = EvalContext.Rent(activation, _layout, _costLimit, _maxCollectionSize, ct);
        try
        {
            var result = _root.Eval(ctx);
            cost = ctx.Cost;
            return result;
        }
        catch (InsufficientExecutionStackException)
        {
            return new ErrorValue("evaluation exceeded the maximum nesting depth", 0);
        }
        catch (System.Text.RegularExpressions.RegexMatchTimeoutException)
        {
            return new ErrorValue("regular expression evaluation timed out", 0);
        }
        finally
        {
            EvalContext.Return(ctx);
        }
    }

    /// <summary>
    /// Evaluates the program and converts the result to JSON (see <see cref="CelJson.ToNode"/>); an evaluation error
    /// is thrown as a <see cref="CelEvaluationException"/> carrying the error's line and column.
    /// </summary>
    public System.Text.Json.Nodes.JsonNode? EvaluateToJson(ICelActivation activation, CancellationToken ct = default)
    {
        var result = Evaluate(activation, ct);
        return result is ErrorValue e ? throw ToException(e) : CelJson.ToNode(result);
    }

    /// <summary>The location of an evaluation error of this program as an issue (line and column from its offset;
    /// line 0 and column 0 when the error has no location).</summary>
    public CelIssue Locate(ErrorValue error)
    {
        ArgumentNullException.ThrowIfNull(error);
        return error.Offset < 0 ? new CelIssue(error.Message, -1, 0, 0) : CelIssue.At(Source, error.Offset, error.Message);
    }

    /// <summary>A <see cref="CelEvaluationException"/> for an evaluation error of this program, with its position.</summary>
    public CelEvaluationException ToException(ErrorValue error) => new(Locate(error));
}
