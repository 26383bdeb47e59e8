using System.Text.Json.Nodes;

namespace OciOperator.Sandbox.Kube.Resources;

/// <summary>
/// The served resources: the built-ins plus one entry per served version of every established CRD. Thread-safe;
/// <see cref="Revision"/> changes whenever the set changes (discovery and OpenAPI documents derive from it).
/// </summary>
internal sealed class ResourceRegistry
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, IReadOnlyList<ResourceDescriptor>> _byCrd = new(StringComparer.Ordinal);
    private IReadOnlyList<ResourceDescriptor> _all = BuiltInResources.All;
    private long _revision = 1;

    public long Revision
    {
        get
        {
            lock (_gate)
            {
                return _revision;
            }
        }
    }

    public IReadOnlyList<ResourceDescriptor> All
    {
        get
        {
            lock (_gate)
            {
                return _all;
            }
        }
    }

    public ResourceDescriptor? Find(string group, string version, string plural)
    {
        foreach (var d in All)
        {
            if (d.Plural == plural && d.Version == version && d.Group == group)
            {
                return d;
            }
        }

        return null;
    }

    /// <summary>The built-in or custom descriptor for a kind in a group version.</summary>
    public ResourceDescriptor? FindKind(string apiVersion, string kind) =>
        All.FirstOrDefault(d => d.ApiVersion == apiVersion && d.Kind == kind);

    /// <summary>Every served descriptor that stores its objects under <paramref name="storageKey"/>.</summary>
    public ResourceDescriptor? AnyForStorage(string storageKey) => All.FirstOrDefault(d => d.StorageKey == storageKey);

    /// <summary>Groups in discovery order: core first, then built-in groups, then CRD groups by name.</summary>
    public IReadOnlyList<(string Group, IReadOnlyList<string> Versions)> Groups()
    {
        var all = All;
        var result = new List<(string, IReadOnlyList<string>)>();
        foreach (var group in all.Select(d => d.Group).Distinct(StringComparer.Ordinal))
        {
            var versions = all.Where(d => d.Group == group).Select(d => d.Version).Distinct(StringComparer.Ordinal)
                .OrderBy(v => v, KubeVersionComparer.Instance).ToList();
            result.Add((group, versions));
        }

        return result;
    }

    public IReadOnlyList<ResourceDescriptor> Resources(string group, string version) =>
        [.. All.Where(d => d.Group == group && d.Version == version)];

    /// <summary>Serves (or re-serves) the versions a CRD declares. Returns the new descriptors.</summary>
    public IReadOnlyList<ResourceDescriptor> ServeCrd(JsonObject crd)
    {
        var descriptors = CrdDescriptors.Build(crd);
        var name = crd["metadata"]?["name"]?.GetValue<string>() ?? "";
        lock (_gate)
        {
            _byCrd[name] = descriptors;
            Rebuild();
        }

        return descriptors;
    }

    public void RemoveCrd(string name)
    {
        lock (_gate)
        {
            if (_byCrd.Remove(name))
            {
                Rebuild();
            }
        }
    }

    private void Rebuild()
    {
        _all = [.. BuiltInResources.All, .. _byCrd.OrderBy(p => p.Key, StringComparer.Ordinal).SelectMany(p => p.Value)];
        _revision++;
    }
}
