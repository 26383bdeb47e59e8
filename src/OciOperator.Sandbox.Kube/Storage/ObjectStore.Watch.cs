using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace OciOperator.Sandbox.Kube.Storage;

/// <summary>Event history and watch subscriptions.</summary>
internal sealed partial class ObjectStore
{
    private readonly int _historyLimit;
    private readonly long _historyByteLimit;
    private readonly TimeSpan _historyWindow;
    private readonly TimeProvider _time;
    private readonly LinkedList<HistoryEntry> _history = new();

    /// <summary>
    /// The newest retained entry of each object (by storage key, namespace and name), so an update's previous state
    /// shares its bytes with the event that wrote it instead of being serialised twice.
    /// </summary>
    private readonly Dictionary<(string StorageKey, string Namespace, string Name), HistoryEntry> _newestEntry = [];
    private long _historyBytes;
    private readonly List<WatchSubscription> _subscriptions = [];

    /// <summary>Events with a resourceVersion at or below this are gone; watching from below it is 410 Expired.</summary>
    private long _compactedThrough;

    /// <summary>Events at or below this resourceVersion are gone (after dropping those older than the history window).</summary>
    public long CompactedThrough
    {
        get
        {
            lock (Gate)
            {
                DropExpired();
                return _compactedThrough;
            }
        }
    }

    /// <summary>Drops the whole retained history: watches resuming from any earlier resourceVersion get 410.</summary>
    public void CompactHistory()
    {
        lock (Gate)
        {
            _history.Clear();
            _newestEntry.Clear();
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
                DropExpired();
                if (from < _compactedThrough)
                {
                    throw new ResourceVersionExpiredException(from, _compactedThrough);
                }

                foreach (var entry in _history)
                {
                    if (entry.ResourceVersion > from && subscription.Matches(entry.StorageKey, entry.Namespace))
                    {
                        subscription.Publish(entry.ToEvent());
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
        // Retained as compact JSON, so an event costs about its object's serialised size, and bounded by count and by
        // bytes: a few updates of a large object must not pin hundreds of megabytes.
        var key = (e.StorageKey, e.Namespace, ObjectMeta.NameOf(e.Object));
        byte[]? previous = null;
        if (e.Previous is not null)
        {
            previous = _newestEntry.TryGetValue(key, out var before) && before.ResourceVersion == ObjectMeta.ResourceVersionOf(e.Previous)
                ? before.Object
                : Compact(e.Previous);
        }

        var entry = new HistoryEntry(e.ResourceVersion, e.StorageKey, e.Namespace, key.Item3, e.Type, Compact(e.Object), previous, _time.GetUtcNow().UtcTicks);
        _history.AddLast(entry);
        _newestEntry[key] = entry;
        _historyBytes += entry.Bytes;
        while (_history.Count > _historyLimit || (_historyBytes > _historyByteLimit && _history.Count > 1))
        {
            DropFirst();
        }

        DropExpired();

        foreach (var s in _subscriptions)
        {
            if (s.Matches(e))
            {
                s.Publish(e);
            }
        }
    }

    /// <summary>Compaction by age, as etcd's periodic compaction: events older than the window go (the newest stays).</summary>
    private void DropExpired()
    {
        var cutoff = _time.GetUtcNow().UtcTicks - _historyWindow.Ticks;
        while (_history.Count > 1 && _history.First!.Value.RecordedTicks < cutoff)
        {
            DropFirst();
        }
    }

    private void DropFirst()
    {
        var first = _history.First!.Value;
        _history.RemoveFirst();
        _historyBytes -= first.Bytes;
        _compactedThrough = first.ResourceVersion;
        var firstKey = (first.StorageKey, first.Namespace, first.Name);
        if (_newestEntry.TryGetValue(firstKey, out var newest) && ReferenceEquals(newest, first))
        {
            _newestEntry.Remove(firstKey);
        }
    }

    private static byte[] Compact(JsonObject obj)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            obj.WriteTo(writer);
        }

        return buffer.ToArray();
    }

    /// <summary>One retained event: the objects as compact UTF-8 JSON, parsed again only when a watch resumes through it.</summary>
    private sealed record HistoryEntry(
        long ResourceVersion, string StorageKey, string Namespace, string Name, StoreEventType Type, byte[] Object, byte[]? Previous, long RecordedTicks)
    {
        /// <summary>What the entry holds; a previous state's bytes are shared with the event that recorded it.</summary>
        public long Bytes => Object.Length;


        public StoreEvent ToEvent() => new(ResourceVersion, StorageKey, Type, Parse(Object), Previous is null ? null : Parse(Previous));

        private static JsonObject Parse(byte[] json) => (JsonObject)JsonNode.Parse(json)!;
    }
}
