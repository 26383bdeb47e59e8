using OciOperator.Runtime.Reconciliation;

namespace OciOperator.Runtime.Caching;

/// <summary>The type-independent face of an informer: what it watches and whether its cache is filled.</summary>
public interface IInformer
{
    ResourceType Type { get; }

    /// <summary>True once the first list has been stored.</summary>
    bool HasSynced { get; }

    /// <summary>Completes when <see cref="HasSynced"/> becomes true.</summary>
    Task WaitForSyncAsync(CancellationToken ct);
}
