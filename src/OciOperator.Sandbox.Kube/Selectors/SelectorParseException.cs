namespace OciOperator.Sandbox.Kube.Selectors;

/// <summary>A label or field selector could not be parsed (the server answers 400).</summary>
internal sealed class SelectorParseException : Exception
{
    public SelectorParseException()
    {
    }

    public SelectorParseException(string message)
        : base(message)
    {
    }

    public SelectorParseException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
