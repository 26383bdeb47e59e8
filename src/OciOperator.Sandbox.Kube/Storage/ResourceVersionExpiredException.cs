namespace OciOperator.Sandbox.Kube.Storage;

/// <summary>A watch asked for changes after a resourceVersion that has left the retained history.</summary>
internal sealed class ResourceVersionExpiredException : Exception
{
    public ResourceVersionExpiredException()
    {
    }

    public ResourceVersionExpiredException(string message)
        : base(message)
    {
    }

    public ResourceVersionExpiredException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public ResourceVersionExpiredException(long requested, long oldest)
        : base($"too old resource version: {requested} ({oldest})")
    {
    }
}
