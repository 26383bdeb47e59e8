namespace OciOperator.Cel.Common;

/// <summary>
/// Thrown when a host asks for a plain result (e.g. JSON) of an evaluation that produced an error. When the error's
/// location is known, <see cref="Line"/> and <see cref="Column"/> (1-based) say where; otherwise they are 0.
/// </summary>
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

    /// <summary>An exception for a located evaluation error; the message is the error's (without the position).</summary>
    public CelEvaluationException(CelIssue issue)
        : base(issue?.Message)
    {
        ArgumentNullException.ThrowIfNull(issue);
        Offset = issue.Offset;
        Line = issue.Line;
        Column = issue.Column;
    }

    /// <summary>0-based source offset of the failing expression, or -1 when unknown.</summary>
    public int Offset { get; } = -1;

    /// <summary>1-based line of the failing expression, or 0 when unknown.</summary>
    public int Line { get; }

    /// <summary>1-based column of the failing expression, or 0 when unknown.</summary>
    public int Column { get; }
}
