using k8s.Models;
using OciOperator.Runtime.Caching;
using OciOperator.Runtime.Client;
using OciOperator.Runtime.Reconciliation;

namespace OciOperator.Runtime.Discovery;

/// <summary>
/// Maps a group/version/kind to its REST resource (plural and scope) from the API server's discovery documents
/// (client-go's deferred discovery REST mapper). Each group/version is read once and cached; a kind it does not
/// know yet (a CRD just created) reads its group/version again, at most once per <see cref="MissRefreshInterval"/>.
/// <see cref="WatchCustomResourceDefinitions"/> drops a group's entry whenever one of its CRDs changes.
/// </summary>
public sealed class RestMapper(IKubeApi api, TimeProvider time)
{
    /// <summary>The <c>customresourcedefinitions</c> resource.</summary>
    public static readonly ResourceType CustomResourceDefinitions = new("apiextensions.k8s.io", "v1", "CustomResourceDefinition", "customresourcedefinitions", Namespaced: false);

    private readonly Lock _gate = new();
    private readonly Dictionary<string, Entry> _groupVersions = new(StringComparer.Ordinal);
    private readonly SemaphoreSlim _refresh = new(1, 1);

    /// <summary>How soon a group/version is read again for a kind it did not have.</summary>
    public TimeSpan MissRefreshInterval { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>
    /// The resource serving <paramref name="kind"/> in <paramref name="apiVersion"/> (<c>v1</c>, <c>apps/v1</c>), or
    /// null when the API server does not serve it.
    /// </summary>
    public async Task<ResourceType?> FindAsync(string apiVersion, string kind, CancellationToken ct)
    {
        ArgumentException.ThrowIfNullOrEmpty(apiVersion);
        ArgumentException.ThrowIfNullOrEmpty(kind);
        if (Lookup(apiVersion, kind, out var stale) is { } known)
        {
            return known;
        }

        if (!stale)
        {
            return null;
        }

        await _refresh.WaitAsync(ct).ConfigureAwait(false);
        try
        {
            // Another caller may have refreshed while this one waited.
            var again = Lookup(apiVersion, kind, out stale);
            if (again is not null || !stale)
            {
                return again;
            }

            var list = await api.GetApiResourcesAsync(apiVersion, ct).ConfigureAwait(false);
            var entry = new Entry(Map(apiVersion, list), time.GetUtcNow());
            lock (_gate)
            {
                _groupVersions[apiVersion] = entry;
            }

            return entry.Kinds.GetValueOrDefault(kind);
        }
        finally
        {
            _refresh.Release();
        }
    }

    /// <summary>
    /// The resource serving <paramref name="kind"/> in <paramref name="group"/> at the group's preferred version (else
    /// the first other version that serves it), as kubectl maps the group-kinds of an ApplySet inventory; null when no
    /// served version has the kind. The core group is <c>""</c>.
    /// </summary>
    public async Task<ResourceType?> FindGroupKindAsync(string group, string kind, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(group);
        ArgumentException.ThrowIfNullOrEmpty(kind);
        if (group.Length == 0)
        {
            return await FindAsync("v1", kind, ct).ConfigureAwait(false);
        }

        var served = await api.GetApiGroupAsync(group, ct).ConfigureAwait(false);
        if (served is null)
        {
            return null;
        }

        var versions = new List<string>();
        if (served.PreferredVersion?.GroupVersion is { Length: > 0 } preferred)
        {
            versions.Add(preferred);
        }

        versions.AddRange((served.Versions ?? []).Select(v => v.GroupVersion).Where(v => !string.IsNullOrEmpty(v) && !versions.Contains(v)));
        foreach (var groupVersion in versions)
        {
            if (await FindAsync(groupVersion, kind, ct).ConfigureAwait(false) is { } found)
            {
                return found;
            }
        }

        return null;
    }

    /// <summary>Forgets what was read for <paramref name="group"/> (every group when null); the next lookup reads again.</summary>
    public void Invalidate(string? group = null)
    {
        lock (_gate)
        {
            foreach (var key in _groupVersions.Keys.Where(k => group is null || GroupOf(k) == group).ToList())
            {
                _groupVersions.Remove(key);
            }
        }
    }

    /// <summary>
    /// Keeps the mapping current as CRDs come, change (new versions, scope) and go: an informer on
    /// <c>customresourcedefinitions</c> in <paramref name="cache"/> invalidates the CRD's group on every event.
    /// Dispose the result to stop listening (the informer stays in the cache).
    /// </summary>
    public IDisposable WatchCustomResourceDefinitions(InformerCache cache)
    {
        ArgumentNullException.ThrowIfNull(cache);
        var informer = cache.GetInformer<UnstructuredObject>(CustomResourceDefinitions);
        return informer.AddEventHandler(new ResourceEventHandler<UnstructuredObject>(
            OnAdd: crd => Invalidate(GroupOfCrd(crd)),
            OnUpdate: (_, crd) => Invalidate(GroupOfCrd(crd)),
            OnDelete: crd => Invalidate(GroupOfCrd(crd))));
    }

    private static string? GroupOfCrd(UnstructuredObject crd) => crd["spec"]?["group"]?.GetValue<string>();

    private static string GroupOf(string apiVersion)
    {
        var slash = apiVersion.IndexOf('/', StringComparison.Ordinal);
        return slash < 0 ? string.Empty : apiVersion[..slash];
    }

    private static Dictionary<string, ResourceType> Map(string apiVersion, V1APIResourceList? list)
    {
        var group = GroupOf(apiVersion);
        var version = apiVersion[(apiVersion.IndexOf('/', StringComparison.Ordinal) + 1)..];
        var kinds = new Dictionary<string, ResourceType>(StringComparer.Ordinal);
        foreach (var resource in list?.Resources ?? [])
        {
            // Subresources (pods/status, deployments/scale) share the kind of their parent or name another kind.
            if (resource.Name.Contains('/', StringComparison.Ordinal) || string.IsNullOrEmpty(resource.Kind))
            {
                continue;
            }

            kinds.TryAdd(resource.Kind, new ResourceType(group, version, resource.Kind, resource.Name, resource.Namespaced));
        }

        return kinds;
    }

    // stale: the group/version was never read, or a miss may be re-read now.
    private ResourceType? Lookup(string apiVersion, string kind, out bool stale)
    {
        lock (_gate)
        {
            if (!_groupVersions.TryGetValue(apiVersion, out var entry))
            {
                stale = true;
                return null;
            }

            if (entry.Kinds.TryGetValue(kind, out var type))
            {
                stale = false;
                return type;
            }

            stale = time.GetUtcNow() - entry.ReadAt >= MissRefreshInterval;
            return null;
        }
    }

    private sealed record Entry(IReadOnlyDictionary<string, ResourceType> Kinds, DateTimeOffset ReadAt);
}
