namespace OciOperator.Cel.Parsing;

/// <summary>Internal: aborts a parse after the first syntax error has been recorded.</summary>
internal sealed class ParseFailedException : Exception
{
    public ParseFailedException()
    {
    }

    public ParseFailedException(string message)
        : base(message)
    {
    }

    public ParseFailedException(string message, Exception inner)
        : base(message, inner)
    {
    }
}
