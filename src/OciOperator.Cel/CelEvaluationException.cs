namespace OciOperator.Cel;

/// <summary>Thrown when a host asks for a plain result (e.g. JSON) of an evaluation that produced an error.</summary>
public sealed class CelEvaluationException : Exception
{
    public CelEvaluationException()
    {
    }

    public CelEvaluationException(string message)
        : base(message)
    {
    }

    public CelEvaluationException(string message, Exception inner)
        : base(message, inner)
    {
    }
}
