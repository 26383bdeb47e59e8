using OciOperator.Runtime.Reconciliation;

namespace OciOperator.Runtime.Caching;

/// <summary>The type-independent face of an informer: what it watches and whether its cache is filled and current.</summary>
public interface IInformer
{
    ResourceType Type { get; }

    /// <summary>True once the first list has been stored (stays true, as client-go's <c>HasSynced</c>).</summary>
    bool HasSynced { get; }

    /// <summary>Where its list/watch loop is now.</summary>
    InformerState State { get; }

    /// <summary>Why the last list or watch failed, while <see cref="State"/> is <see cref="InformerState.Failing"/>.</summary>
    string? LastError { get; }

    /// <summary>Completes when <see cref="HasSynced"/> becomes true.</summary>
    Task WaitForSyncAsync(CancellationToken ct);
}
