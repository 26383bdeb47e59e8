using System.Text.Json.Nodes;

namespace OciOperator.ResourceGraph.Schemas;

/// <summary>
/// Schemas of custom kinds from CustomResourceDefinition objects (files given to <c>rgd validate --crd</c>, or the CRDs
/// an informer sees). Kinds of groups it has no CRD for are <see cref="ResourceSchemaStatus.WaitingForCrd"/>, except
/// the built-in groups, which are <see cref="ResourceSchemaStatus.NotFound"/> (their kinds come from elsewhere).
/// Not thread-safe while CRDs are added; lookups may run concurrently once it is filled.
/// </summary>
public sealed class CrdSchemaCatalog : IResourceSchemaResolver
{
    private readonly Dictionary<(string Group, string Kind), (JsonObject Crd, long Revision)> _crds = [];
    private long _revision;

    /// <summary>Adds a CRD (apiextensions.k8s.io/v1). Returns an error text when the object is not a usable CRD.</summary>
    public string? Add(JsonObject crd)
    {
        ArgumentNullException.ThrowIfNull(crd);
        if (crd["kind"]?.GetValue<string>() != "CustomResourceDefinition" || crd["spec"] is not JsonObject spec)
        {
            return "not a CustomResourceDefinition";
        }

        var group = spec["group"]?.GetValue<string>();
        var kind = spec["names"]?["kind"]?.GetValue<string>();
        if (string.IsNullOrEmpty(group) || string.IsNullOrEmpty(kind) || spec["versions"] is not JsonArray)
        {
            return "a CustomResourceDefinition needs spec.group, spec.names.kind and spec.versions";
        }

        _crds[(group, kind)] = (crd, Interlocked.Increment(ref _revision));
        return null;
    }

    public ResourceSchemaLookup Resolve(GroupVersionKind gvk)
    {
        if (!_crds.TryGetValue((gvk.Group, gvk.Kind), out var entry))
        {
            return BuiltInGroups.Contains(gvk.Group)
                ? ResourceSchemaLookup.NotFound($"no built-in kind {gvk.Kind} in {gvk.ApiVersion}")
                : ResourceSchemaLookup.Waiting($"waiting for CRD of kind {gvk.Kind} in group {gvk.Group} (not installed)");
        }

        var (crd, revision) = entry;
        var spec = crd["spec"]!;
        var namespaced = spec["scope"]?.GetValue<string>() != "Cluster";
        foreach (var version in spec["versions"]!.AsArray())
        {
            if (version?["name"]?.GetValue<string>() == gvk.Version && version["served"]?.GetValue<bool>() != false)
            {
                var schema = version["schema"]?["openAPIV3Schema"] as JsonObject
                    ?? new JsonObject { ["type"] = "object", ["x-kubernetes-preserve-unknown-fields"] = true };
                return ResourceSchemaLookup.Found(schema, namespaced) with { CacheKey = $"crd:{revision}:{gvk}" };
            }
        }

        return ResourceSchemaLookup.NotFound($"CRD {crd["metadata"]?["name"]} does not serve version {gvk.Version}");
    }
}
