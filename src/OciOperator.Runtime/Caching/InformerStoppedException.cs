using OciOperator.Runtime.Reconciliation;

namespace OciOperator.Runtime.Caching;

/// <summary>An informer's list/watch loop ended although nobody stopped it: its cache will never be current again.</summary>
public sealed class InformerStoppedException : Exception
{
    public InformerStoppedException()
    {
    }

    public InformerStoppedException(string message)
        : base(message)
    {
    }

    public InformerStoppedException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public InformerStoppedException(ResourceType type, Exception? cause)
        : base($"the informer of {type} stopped and cannot recover{(cause is null ? string.Empty : ": " + cause.Message)}", cause)
    {
        Type = type;
    }

    /// <summary>What the informer watched.</summary>
    public ResourceType? Type { get; }
}
