using System.Text.Json.Nodes;

namespace OciOperator.Sandbox.Kube.Storage;

/// <summary>
/// One persisted change. <see cref="Object"/> is the new state (for <see cref="StoreEventType.Deleted"/>: the last
/// state carrying the deletion's resourceVersion); <see cref="Previous"/> the state before (null for creations and
/// synthetic initial events). Both are shared, never mutated.
/// </summary>
internal sealed record StoreEvent(long ResourceVersion, string StorageKey, StoreEventType Type, JsonObject Object, JsonObject? Previous)
{
    public string Namespace => ObjectMeta.NamespaceOf(Object);
}
