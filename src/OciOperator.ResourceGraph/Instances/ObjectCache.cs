using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using OciOperator.Runtime.Caching;
using OciOperator.Runtime.Client;
using OciOperator.Runtime.Reconciliation;

namespace OciOperator.ResourceGraph.Instances;

/// <summary>
/// The informer caches an <see cref="InstanceController"/> runs (the instance kind, each child kind, each kind read
/// through an <c>externalRef</c>), as its reconciler reads them instead of the API server. A cache is either complete
/// (every object of the kind: a miss means the object does not exist) or holds only the children kro labelled for
/// this RGD kind (a miss proves nothing). Read-your-writes: each write the reconciler makes is recorded, and a cached
/// copy older than that write is not served (the caller reads the API server), as Kubernetes controllers do with
/// expectations. Thread-safe.
/// </summary>
public sealed class ObjectCache
{
    private readonly ConcurrentDictionary<ResourceType, Source> _sources = new();
    private readonly ConcurrentDictionary<ResourceType, StaleReadGuard> _guards = new();

    // UIDs of objects this process deleted whose deletion the cache has not shown yet, so nothing is deleted twice.
    private readonly ConcurrentDictionary<string, byte> _deleted = new(StringComparer.Ordinal);

    /// <summary>Serves reads of <paramref name="type"/> from <paramref name="informer"/>; <paramref name="complete"/> when it watches the whole kind.</summary>
    public void Add(ResourceType type, Informer<UnstructuredObject> informer, bool complete)
    {
        ArgumentNullException.ThrowIfNull(type);
        ArgumentNullException.ThrowIfNull(informer);
        _sources[type] = new Source(informer, complete);
        informer.AddIndexer(PartOfIndex, o => o.Metadata.Labels?.TryGetValue(KroMetadata.ApplySetPartOf, out var id) == true ? [id] : []);
        informer.AddEventHandler(new ResourceEventHandler<UnstructuredObject>(OnDelete: o => _deleted.TryRemove(o.Metadata.Uid ?? string.Empty, out _)));
    }

    /// <summary>Whether a synced cache serves <paramref name="type"/>.</summary>
    public bool Covers(ResourceType type) => _sources.TryGetValue(type, out var source) && source.Informer.HasSynced;

    /// <summary>
    /// What the cache knows of one object: <see cref="CacheRead.Hit"/> with a current copy, <see cref="CacheRead.Absent"/>
    /// when a complete cache does not hold it, <see cref="CacheRead.Unknown"/> when the API server must be asked (no
    /// synced cache, a copy older than our own last write, or a miss in a cache of labelled children).
    /// </summary>
    public CacheRead Read(ResourceType type, string? @namespace, string name)
    {
        if (!_sources.TryGetValue(type, out var source) || !source.Informer.HasSynced)
        {
            return CacheRead.Unknown;
        }

        var cached = source.Informer.Get(@namespace, name);
        if (cached is null)
        {
            return source.Complete && !Expecting(type, @namespace, name) ? CacheRead.Absent : CacheRead.Unknown;
        }

        return Guard(type).IsStale(@namespace, name, cached.Metadata.ResourceVersion) || IsDeleted(cached)
            ? CacheRead.Unknown
            : CacheRead.Of(cached.ToJsonObject());
    }

    /// <summary>
    /// The cached objects of <paramref name="type"/> (in <paramref name="namespace"/>, or all) that match
    /// <paramref name="selector"/>; null when no synced cache serves the kind. A cache of labelled children answers
    /// only for selectors that imply its own labels (the caller's promise).
    /// </summary>
    public IReadOnlyList<JsonObject>? List(ResourceType type, string? @namespace, LabelSelector selector)
    {
        ArgumentNullException.ThrowIfNull(selector);
        if (!_sources.TryGetValue(type, out var source) || !source.Informer.HasSynced)
        {
            return null;
        }

        return [.. source.Informer.List(@namespace).Where(o => selector.Matches(o.Metadata.Labels)).Select(o => o.ToJsonObject())];
    }

    /// <summary>
    /// The cached objects of <paramref name="type"/> labelled <c>applyset.kubernetes.io/part-of=<paramref name="applySetId"/></c>
    /// (from an index, not a scan); null when no synced cache serves the kind.
    /// </summary>
    public IReadOnlyList<JsonObject>? ListPartOf(ResourceType type, string applySetId)
    {
        if (!_sources.TryGetValue(type, out var source) || !source.Informer.HasSynced)
        {
            return null;
        }

        return [.. source.Informer.ByIndex(PartOfIndex, applySetId).Select(o => o.ToJsonObject())];
    }

    /// <summary>Records that this process replaced <paramref name="before"/> of an object by <paramref name="after"/> (null before: created it).</summary>
    public void Wrote(ResourceType type, JsonObject? before, JsonObject after)
    {
        ArgumentNullException.ThrowIfNull(after);
        var key = ObjectKey.Of(after);
        var ns = key.Namespace.Length == 0 ? null : key.Namespace;
        var written = after["metadata"]?["resourceVersion"]?.GetValue<string>();
        var replaced = before?["metadata"]?["resourceVersion"]?.GetValue<string>() ?? CreatedMarker;
        Guard(type).Wrote(ns, key.Name, replaced, written);
    }

    /// <summary>
    /// Records that this process deleted the object with <paramref name="uid"/>: <see cref="Read"/> no longer serves it
    /// and <see cref="WasDeleted"/> says so until the cache shows it gone. (<see cref="List"/> still lists it, so a
    /// caller waiting for the object to go keeps waiting while it exists.)
    /// </summary>
    public void Deleted(ResourceType type, string? @namespace, string name, string? uid)
    {
        Guard(type).Forget(@namespace, name);
        if (string.IsNullOrEmpty(uid))
        {
            return;
        }

        _deleted[uid] = 0;

        // The informer drops an object from its store before it tells handlers: if the store no longer holds it, the
        // delete event came before our entry and will not remove it, so it is removed here.
        if (!_sources.TryGetValue(type, out var source) || source.Informer.Get(@namespace, name)?.Metadata.Uid != uid)
        {
            _deleted.TryRemove(uid, out _);
        }
    }

    /// <summary>Whether this process deleted the object with <paramref name="uid"/> and the cache has not shown it gone yet.</summary>
    public bool WasDeleted(string? uid) => uid is not null && _deleted.ContainsKey(uid);

    private bool IsDeleted(UnstructuredObject obj) => WasDeleted(obj.Metadata.Uid);

    private const string PartOfIndex = "applyset-part-of";

    // A create is recorded as replacing this marker version, so a miss right after it is not taken as absence.
    private const string CreatedMarker = "(created)";

    private bool Expecting(ResourceType type, string? @namespace, string name) =>
        _guards.TryGetValue(type, out var guard) && guard.IsStale(@namespace, name, CreatedMarker);

    private StaleReadGuard Guard(ResourceType type) => _guards.GetOrAdd(type, _ => new StaleReadGuard());

    private sealed record Source(Informer<UnstructuredObject> Informer, bool Complete);
}
