namespace OciOperator.Bundle;

/// <summary>A source of the bundle (a file of <c>config/</c>, or kustomize) could not be read.</summary>
internal sealed class BundleSourceException : Exception
{
    public BundleSourceException()
    {
    }

    public BundleSourceException(string message)
        : base(message)
    {
    }

    public BundleSourceException(string message, Exception inner)
        : base(message, inner)
    {
    }
}
