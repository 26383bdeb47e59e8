using System.Collections.Concurrent;

namespace OciOperator.Runtime.Client;

/// <summary>
/// Read-your-writes for reconcilers that read from the informer cache: remembers, per object, the resourceVersions
/// this process has replaced with its own writes until the cache shows something newer. A reconcile that reads one of
/// those versions from the cache would act on the past of its own write (and, say, send an OCI update twice), so it
/// should wait for the watch event that is already on its way (the "expectations" of Kubernetes' own controllers).
/// Thread-safe; an entry lives only between a write and the first fresh read of that object.
/// </summary>
public sealed class StaleReadGuard
{
    private readonly ConcurrentDictionary<string, Entry> _entries = new(StringComparer.Ordinal);

    // Objects a reconcile found stale and now waits for: the update that brings the cache past them is let through.
    private readonly ConcurrentDictionary<string, byte> _waiting = new(StringComparer.Ordinal);

    /// <summary>Records that this process replaced <paramref name="replacedVersion"/> of the object with its own write.</summary>
    public void Wrote(string? @namespace, string name, string? replacedVersion, string? writtenVersion)
    {
        if (string.IsNullOrEmpty(replacedVersion) || replacedVersion == writtenVersion)
        {
            return;
        }

        _entries.AddOrUpdate(
            Key(@namespace, name),
            _ => new Entry([replacedVersion]),
            (_, old) => new Entry([.. old.Superseded, replacedVersion]));
    }

    /// <summary>
    /// True when <paramref name="cachedVersion"/> is a version this process has already written over: the cache has
    /// not caught up yet, and the object is marked as waiting (see <see cref="CaughtUp"/>). Any other version ends
    /// the wait for that object.
    /// </summary>
    public bool IsStale(string? @namespace, string name, string? cachedVersion)
    {
        var key = Key(@namespace, name);
        if (!_entries.TryGetValue(key, out var entry))
        {
            _waiting.TryRemove(key, out _);
            return false;
        }

        if (cachedVersion is not null && entry.Superseded.Contains(cachedVersion))
        {
            _waiting[key] = 0;
            return true;
        }

        _entries.TryRemove(KeyValuePair.Create(key, entry));
        _waiting.TryRemove(key, out _);
        return false;
    }

    /// <summary>
    /// For an event filter: true once, for the update that brings the cache to <paramref name="version"/> when a
    /// reconcile found this object stale and waits (a version written over is not yet caught up). A controller that
    /// ignores its own status writes is so woken by the write it waits for, not by a timed retry. A reconcile that
    /// finds the cache stale should read it once more after <see cref="IsStale"/>: an update that landed between its
    /// read and the mark was not let through.
    /// </summary>
    public bool CaughtUp(string? @namespace, string name, string? version)
    {
        var key = Key(@namespace, name);
        if (!_waiting.ContainsKey(key))
        {
            return false;
        }

        if (version is not null && _entries.TryGetValue(key, out var entry) && entry.Superseded.Contains(version))
        {
            return false;
        }

        return _waiting.TryRemove(key, out _);
    }

    /// <summary>Forgets the object (it is gone).</summary>
    public void Forget(string? @namespace, string name)
    {
        _entries.TryRemove(Key(@namespace, name), out _);
        _waiting.TryRemove(Key(@namespace, name), out _);
    }

    /// <summary>How many objects are waiting for the cache (for tests and diagnostics).</summary>
    public int Count => _entries.Count;

    private static string Key(string? @namespace, string name) => string.IsNullOrEmpty(@namespace) ? name : @namespace + "/" + name;

    private sealed record Entry(IReadOnlyList<string> Superseded);
}
