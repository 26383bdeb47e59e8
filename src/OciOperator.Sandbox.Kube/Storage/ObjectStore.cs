using System.Globalization;
using System.Text.Json.Nodes;

namespace OciOperator.Sandbox.Kube.Storage;

/// <summary>
/// The Sandbox's etcd: every object of every kind, one global resourceVersion counter, the retained event history
/// and the live watch subscriptions. All state is guarded by <see cref="Gate"/>; callers that read, decide and write
/// hold it for the whole step (<c>lock (store.Gate) { ... }</c>), which makes every API request atomic.
/// Stored objects are never mutated in place: a write replaces the node, so readers may keep references.
/// </summary>
internal sealed partial class ObjectStore
{
    private readonly Dictionary<string, SortedDictionary<string, JsonObject>> _collections = new(StringComparer.Ordinal);
    private readonly Dictionary<string, ObjectRef> _byUid = new(StringComparer.Ordinal);
    private readonly Dictionary<string, HashSet<ObjectRef>> _dependents = new(StringComparer.Ordinal);
    private readonly HashSet<ObjectRef> _deleting = [];
    private readonly Queue<ObjectRef> _ownerChecks = new();
    private readonly HashSet<string> _removedUids = new(StringComparer.Ordinal);
    private long _resourceVersion;

    /// <param name="historyLimit">At most this many events are retained for watches resuming from a resourceVersion.</param>
    /// <param name="historyByteLimit">At most this many bytes of (estimated) JSON of retained events; the newest is always kept.</param>
    /// <param name="historyWindow">Events older than this are compacted away (null: <see cref="DefaultHistoryWindow"/>).</param>
    /// <param name="time">The clock that ages the history (null: the system clock).</param>
    public ObjectStore(int historyLimit, long historyByteLimit = DefaultHistoryByteLimit, TimeSpan? historyWindow = null, TimeProvider? time = null)
    {
        _historyLimit = Math.Max(1, historyLimit);
        _historyByteLimit = Math.Max(1, historyByteLimit);
        _historyWindow = historyWindow is { } w && w > TimeSpan.Zero ? w : DefaultHistoryWindow;
        _time = time ?? TimeProvider.System;
    }

    /// <summary>About what the real server keeps: etcd is compacted every 5 minutes.</summary>
    public static readonly TimeSpan DefaultHistoryWindow = TimeSpan.FromMinutes(5);

    /// <summary>64 MiB of JSON.</summary>
    public const long DefaultHistoryByteLimit = 64L * 1024 * 1024;

    /// <summary>The lock that makes a request's read-decide-write atomic. Re-entrant.</summary>
    public Lock Gate { get; } = new();

    public long CurrentResourceVersion
    {
        get
        {
            lock (Gate)
            {
                return _resourceVersion;
            }
        }
    }

    public int Count(string storageKey)
    {
        lock (Gate)
        {
            return _collections.TryGetValue(storageKey, out var c) ? c.Count : 0;
        }
    }

    public JsonObject? Get(string storageKey, string ns, string name)
    {
        lock (Gate)
        {
            return _collections.TryGetValue(storageKey, out var c) && c.TryGetValue(ns + "/" + name, out var o) ? o : null;
        }
    }

    public JsonObject? Get(ObjectRef r) => Get(r.StorageKey, r.Namespace, r.Name);

    /// <summary>A snapshot of the collection in key order (namespace, then name); <paramref name="ns"/> null = all.</summary>
    public IReadOnlyList<JsonObject> List(string storageKey, string? ns)
    {
        lock (Gate)
        {
            if (!_collections.TryGetValue(storageKey, out var c))
            {
                return [];
            }

            if (ns is null)
            {
                return [.. c.Values];
            }

            var prefix = ns + "/";
            var list = new List<JsonObject>();
            foreach (var (key, value) in c)
            {
                if (key.StartsWith(prefix, StringComparison.Ordinal))
                {
                    list.Add(value);
                }
            }

            return list;
        }
    }

    /// <summary>Every collection key that currently holds objects.</summary>
    public IReadOnlyList<string> StorageKeys()
    {
        lock (Gate)
        {
            return [.. _collections.Where(c => c.Value.Count > 0).Select(c => c.Key)];
        }
    }

    public bool UidExists(string uid)
    {
        lock (Gate)
        {
            return _byUid.ContainsKey(uid);
        }
    }

    /// <summary>Stores a new object, stamping the next resourceVersion; returns the stored node.</summary>
    public JsonObject Create(string storageKey, JsonObject obj)
    {
        lock (Gate)
        {
            var r = RefOf(storageKey, obj);
            var stored = Stamp(obj);
            Collection(storageKey)[r.Key] = stored;
            Index(r, null, stored);
            Record(new StoreEvent(_resourceVersion, storageKey, StoreEventType.Added, stored, null));
            return stored;
        }
    }

    /// <summary>Replaces an existing object, stamping the next resourceVersion; returns the stored node.</summary>
    public JsonObject Update(string storageKey, JsonObject obj)
    {
        lock (Gate)
        {
            var r = RefOf(storageKey, obj);
            var collection = Collection(storageKey);
            collection.TryGetValue(r.Key, out var previous);
            var stored = Stamp(obj);
            collection[r.Key] = stored;
            Index(r, previous, stored);
            Record(new StoreEvent(_resourceVersion, storageKey, previous is null ? StoreEventType.Added : StoreEventType.Modified, stored, previous));
            return stored;
        }
    }

    /// <summary>Removes an object; the DELETED event carries its last state with a fresh resourceVersion.</summary>
    public JsonObject? Remove(string storageKey, string ns, string name)
    {
        lock (Gate)
        {
            if (!_collections.TryGetValue(storageKey, out var c) || !c.Remove(ns + "/" + name, out var previous))
            {
                return null;
            }

            var r = new ObjectRef(storageKey, ns, name);
            Unindex(r, previous);
            var uid = ObjectMeta.UidOf(previous);
            if (uid.Length > 0)
            {
                _removedUids.Add(uid);
            }

            var last = Stamp((JsonObject)previous.DeepClone());
            Record(new StoreEvent(_resourceVersion, storageKey, StoreEventType.Deleted, last, previous));
            return last;
        }
    }

    private static ObjectRef RefOf(string storageKey, JsonObject obj) =>
        new(storageKey, ObjectMeta.NamespaceOf(obj), ObjectMeta.NameOf(obj));

    private SortedDictionary<string, JsonObject> Collection(string storageKey)
    {
        if (!_collections.TryGetValue(storageKey, out var c))
        {
            c = new SortedDictionary<string, JsonObject>(StringComparer.Ordinal);
            _collections[storageKey] = c;
        }

        return c;
    }

    private JsonObject Stamp(JsonObject obj)
    {
        _resourceVersion++;
        ObjectMeta.EnsureMetadata(obj)["resourceVersion"] = _resourceVersion.ToString(CultureInfo.InvariantCulture);
        return obj;
    }

    private void Index(ObjectRef r, JsonObject? previous, JsonObject current)
    {
        if (previous is not null)
        {
            Unindex(r, previous);
        }

        var uid = ObjectMeta.UidOf(current);
        if (uid.Length > 0)
        {
            _byUid[uid] = r;
        }

        var owners = ObjectMeta.OwnerUids(current);
        foreach (var owner in owners)
        {
            if (!_dependents.TryGetValue(owner, out var set))
            {
                set = [];
                _dependents[owner] = set;
            }

            set.Add(r);
        }

        if (owners.Count > 0)
        {
            _ownerChecks.Enqueue(r);
        }

        if (ObjectMeta.IsDeleting(current))
        {
            _deleting.Add(r);
        }
    }

    private void Unindex(ObjectRef r, JsonObject previous)
    {
        var uid = ObjectMeta.UidOf(previous);
        if (uid.Length > 0 && _byUid.TryGetValue(uid, out var at) && at == r)
        {
            _byUid.Remove(uid);
        }

        foreach (var owner in ObjectMeta.OwnerUids(previous))
        {
            if (_dependents.TryGetValue(owner, out var set))
            {
                set.Remove(r);
                if (set.Count == 0)
                {
                    _dependents.Remove(owner);
                }
            }
        }

        _deleting.Remove(r);
    }
}
