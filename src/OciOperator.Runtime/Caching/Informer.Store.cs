using k8s;
using k8s.Models;

namespace OciOperator.Runtime.Caching;

/// <summary>The indexed store and the cache-reader surface.</summary>
public sealed partial class Informer<T>
{
    private readonly ReaderWriterLockSlim _storeLock = new(LockRecursionPolicy.NoRecursion);
    private readonly Dictionary<string, T> _items = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Func<T, IEnumerable<string>>> _indexers = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Dictionary<string, HashSet<string>>> _indices = new(StringComparer.Ordinal);

    /// <summary>Number of cached objects.</summary>
    public int Count
    {
        get
        {
            _storeLock.EnterReadLock();
            try
            {
                return _items.Count;
            }
            finally
            {
                _storeLock.ExitReadLock();
            }
        }
    }

    /// <summary>The cache key of an object: <c>namespace/name</c>, or <c>name</c> for cluster-scoped objects.</summary>
    public static string KeyOf(string? @namespace, string name) =>
        string.IsNullOrEmpty(@namespace) ? name : string.Concat(@namespace, "/", name);

    /// <summary>Adds an index; existing objects are indexed at once.</summary>
    public void AddIndexer(string name, Func<T, IEnumerable<string>> indexer)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        ArgumentNullException.ThrowIfNull(indexer);
        _storeLock.EnterWriteLock();
        try
        {
            if (!_indexers.TryAdd(name, indexer))
            {
                return;
            }

            var index = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
            _indices[name] = index;
            foreach (var (key, obj) in _items)
            {
                foreach (var value in indexer(obj))
                {
                    AddToIndex(index, value, key);
                }
            }
        }
        finally
        {
            _storeLock.ExitWriteLock();
        }
    }

    public T? Get(string? @namespace, string name)
    {
        _storeLock.EnterReadLock();
        try
        {
            return _items.GetValueOrDefault(KeyOf(@namespace, name));
        }
        finally
        {
            _storeLock.ExitReadLock();
        }
    }

    public IReadOnlyList<T> List(string? @namespace = null) =>
        @namespace is null ? Snapshot() : ByIndex(Indexers.Namespace, @namespace);

    public IReadOnlyList<T> ByIndex(string indexName, string value)
    {
        _storeLock.EnterReadLock();
        try
        {
            if (!_indices.TryGetValue(indexName, out var index))
            {
                throw new InvalidOperationException($"no index '{indexName}' on the {Type} informer");
            }

            return index.TryGetValue(value, out var keys) ? [.. keys.Select(k => _items[k])] : [];
        }
        finally
        {
            _storeLock.ExitReadLock();
        }
    }

    private static void AddToIndex(Dictionary<string, HashSet<string>> index, string value, string key)
    {
        if (!index.TryGetValue(value, out var keys))
        {
            index[value] = keys = new HashSet<string>(StringComparer.Ordinal);
        }

        keys.Add(key);
    }

    private static string KeyOf(T obj) => KeyOf(obj.Metadata?.NamespaceProperty, obj.Metadata?.Name ?? string.Empty);

    private IReadOnlyList<T> Snapshot()
    {
        _storeLock.EnterReadLock();
        try
        {
            return [.. _items.Values];
        }
        finally
        {
            _storeLock.ExitReadLock();
        }
    }

    private void Upsert(T obj)
    {
        ForgetUndecodable(KeyOf(obj));
        var old = StoreLocked(KeyOf(obj), obj);
        if (old is null)
        {
            Notify(h => h.OnAdd is { } add ? () => add(obj) : null);
        }
        else
        {
            Notify(h => h.OnUpdate is { } update ? () => update(old, obj) : null);
        }
    }

    private void Delete(T obj)
    {
        ForgetUndecodable(KeyOf(obj));
        Evict(obj);
    }

    // Drops the cached copy (handlers see a delete) without touching the undecodable bookkeeping.
    private void Evict(T obj)
    {
        StoreLocked(KeyOf(obj), null);
        Notify(h => h.OnDelete is { } delete ? () => delete(obj) : null);
    }

    // Replaces the store after a (re)list: new keys are adds, changed resourceVersions updates, vanished keys deletes.
    private void ReplaceAll(IReadOnlyList<T> items)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var obj in items)
        {
            var key = KeyOf(obj);
            seen.Add(key);
            var old = Get(obj.Metadata?.NamespaceProperty, obj.Metadata?.Name ?? string.Empty);
            if (old is null || old.Metadata?.ResourceVersion != obj.Metadata?.ResourceVersion)
            {
                Upsert(obj);
            }
        }

        foreach (var stale in Snapshot().Where(o => !seen.Contains(KeyOf(o))))
        {
            Delete(stale);
        }
    }

    private T? StoreLocked(string key, T? obj)
    {
        _storeLock.EnterWriteLock();
        try
        {
            _items.TryGetValue(key, out var old);
            if (old is not null)
            {
                foreach (var (name, indexer) in _indexers)
                {
                    var index = _indices[name];
                    foreach (var value in indexer(old))
                    {
                        if (index.TryGetValue(value, out var keys) && keys.Remove(key) && keys.Count == 0)
                        {
                            index.Remove(value);
                        }
                    }
                }
            }

            if (obj is null)
            {
                _items.Remove(key);
                return old;
            }

            _items[key] = obj;
            foreach (var (name, indexer) in _indexers)
            {
                foreach (var value in indexer(obj))
                {
                    AddToIndex(_indices[name], value, key);
                }
            }

            return old;
        }
        finally
        {
            _storeLock.ExitWriteLock();
        }
    }
}
