using System.Threading.Channels;

namespace OciOperator.Sandbox.Kube.Storage;

/// <summary>
/// A live feed of store events for one collection (optionally one namespace). Events are queued without bound so
/// the store never waits for a slow reader; disposing the subscription detaches it.
/// </summary>
internal sealed class WatchSubscription : IDisposable
{
    private readonly Channel<StoreEvent> _channel = Channel.CreateUnbounded<StoreEvent>(
        new UnboundedChannelOptions { SingleReader = false, SingleWriter = false });

    private readonly ObjectStore _store;

    public WatchSubscription(ObjectStore store, string storageKey, string? ns)
    {
        _store = store;
        StorageKey = storageKey;
        Namespace = ns;
    }

    public string StorageKey { get; }

    /// <summary>Null for every namespace.</summary>
    public string? Namespace { get; }

    public ChannelReader<StoreEvent> Reader => _channel.Reader;

    internal bool Matches(StoreEvent e) => Matches(e.StorageKey, e.Namespace);

    internal bool Matches(string storageKey, string ns) =>
        string.Equals(storageKey, StorageKey, StringComparison.Ordinal)
        && (Namespace is null || string.Equals(ns, Namespace, StringComparison.Ordinal));

    internal void Publish(StoreEvent e) => _channel.Writer.TryWrite(e);

    /// <summary>Ends the feed: the reader drains what is queued, then sees completion.</summary>
    internal void Complete() => _channel.Writer.TryComplete();

    public void Dispose()
    {
        _store.Unsubscribe(this);
        Complete();
    }
}
