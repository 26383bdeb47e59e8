using System.Globalization;

namespace OciOperator.Sandbox.Kube.Storage;

/// <summary>Event history and watch subscriptions.</summary>
internal sealed partial class ObjectStore
{
    private readonly int _historyLimit;
    private readonly long _historyByteLimit;
    private readonly LinkedList<(StoreEvent Event, long Bytes)> _history = new();
    private long _historyBytes;
    private readonly List<WatchSubscription> _subscriptions = [];

    /// <summary>Events with a resourceVersion at or below this are gone; watching from below it is 410 Expired.</summary>
    private long _compactedThrough;

    /// <summary>Drops the whole retained history: watches resuming from any earlier resourceVersion get 410.</summary>
    public void CompactHistory()
    {
        lock (Gate)
        {
            _history.Clear();
            _historyBytes = 0;
            _compactedThrough = _resourceVersion;
        }
    }

    /// <summary>
    /// Opens a feed. <paramref name="fromResourceVersion"/> null means "current state first": a synthetic ADDED per
    /// existing object (filtered by namespace) is queued before any live change; otherwise every retained event
    /// after that version is replayed. Throws <see cref="ResourceVersionExpiredException"/> when it is too old.
    /// </summary>
    public WatchSubscription Subscribe(string storageKey, string? ns, long? fromResourceVersion)
    {
        lock (Gate)
        {
            var subscription = new WatchSubscription(this, storageKey, ns);
            if (fromResourceVersion is not { } from)
            {
                foreach (var obj in List(storageKey, ns))
                {
                    subscription.Publish(new StoreEvent(ObjectMeta.ResourceVersionOf(obj), storageKey, StoreEventType.Added, obj, null));
                }
            }
            else
            {
                if (from < _compactedThrough)
                {
                    throw new ResourceVersionExpiredException(from, _compactedThrough);
                }

                foreach (var (e, _) in _history)
                {
                    if (e.ResourceVersion > from && subscription.Matches(e))
                    {
                        subscription.Publish(e);
                    }
                }
            }

            _subscriptions.Add(subscription);
            return subscription;
        }
    }

    /// <summary>Ends every feed on <paramref name="storageKey"/> (null = all), as when a kind goes away or the server stops.</summary>
    public void CloseSubscriptions(string? storageKey)
    {
        lock (Gate)
        {
            foreach (var s in _subscriptions.ToArray())
            {
                if (storageKey is null || string.Equals(s.StorageKey, storageKey, StringComparison.Ordinal))
                {
                    _subscriptions.Remove(s);
                    s.Complete();
                }
            }
        }
    }

    /// <summary>How many events are retained, and their estimated size in bytes of JSON.</summary>
    public (int Events, long Bytes) HistorySize
    {
        get
        {
            lock (Gate)
            {
                return (_history.Count, _historyBytes);
            }
        }
    }

    public int SubscriptionCount
    {
        get
        {
            lock (Gate)
            {
                return _subscriptions.Count;
            }
        }
    }

    public string ResourceVersionText => CurrentResourceVersion.ToString(CultureInfo.InvariantCulture);

    internal void Unsubscribe(WatchSubscription subscription)
    {
        lock (Gate)
        {
            _subscriptions.Remove(subscription);
        }
    }

    private void Record(StoreEvent e)
    {
        // Bounded by count and by size: a few updates of a large object must not pin hundreds of megabytes.
        var bytes = JsonSize.Of(e.Object);
        _history.AddLast((e, bytes));
        _historyBytes += bytes;
        while (_history.Count > _historyLimit || (_historyBytes > _historyByteLimit && _history.Count > 1))
        {
            var (first, firstBytes) = _history.First!.Value;
            _history.RemoveFirst();
            _historyBytes -= firstBytes;
            _compactedThrough = first.ResourceVersion;
        }

        foreach (var s in _subscriptions)
        {
            if (s.Matches(e))
            {
                s.Publish(e);
            }
        }
    }
}
