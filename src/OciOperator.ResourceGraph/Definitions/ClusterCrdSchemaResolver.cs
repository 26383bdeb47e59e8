using System.Text.Json.Nodes;
using OciOperator.ResourceGraph.Schemas;
using OciOperator.Runtime.Caching;
using OciOperator.Runtime.Client;

namespace OciOperator.ResourceGraph.Definitions;

/// <summary>
/// The schemas of custom kinds from the CRDs installed in the cluster, read from the CRD informer's cache (so no
/// OpenAPI download, and a CRD change is seen at once — kro #724, PR #1372). A kind of a custom group whose CRD is
/// missing, or not Established yet, is <see cref="ResourceSchemaStatus.WaitingForCrd"/> (kro #1292). The cache key
/// carries the CRD's uid and generation, so what is derived from a schema is reused until the CRD's spec changes.
/// </summary>
internal sealed class ClusterCrdSchemaResolver(ICacheReader<UnstructuredObject> crds) : IResourceSchemaResolver
{
    public ResourceSchemaLookup Resolve(GroupVersionKind gvk)
    {
        var crd = crds.List().FirstOrDefault(c => c["spec"]?["group"]?.GetValue<string>() == gvk.Group && c["spec"]?["names"]?["kind"]?.GetValue<string>() == gvk.Kind);
        if (crd is null)
        {
            return BuiltInGroups.Contains(gvk.Group)
                ? ResourceSchemaLookup.NotFound($"no built-in kind {gvk.Kind} in {gvk.ApiVersion}")
                : ResourceSchemaLookup.Waiting($"waiting for CRD of kind {gvk.Kind} in group {gvk.Group} (not installed)");
        }

        var name = crd.Metadata.Name;
        if (!IsEstablished(crd))
        {
            return ResourceSchemaLookup.Waiting($"waiting for CRD {name} (kind {gvk.Kind}) to become Established");
        }

        var spec = crd["spec"]!;
        var namespaced = spec["scope"]?.GetValue<string>() != "Cluster";
        foreach (var version in spec["versions"] as JsonArray ?? [])
        {
            if (version?["name"]?.GetValue<string>() == gvk.Version && version["served"]?.GetValue<bool>() != false)
            {
                var schema = version["schema"]?["openAPIV3Schema"] as JsonObject
                    ?? new JsonObject { ["type"] = "object", ["x-kubernetes-preserve-unknown-fields"] = true };
                return ResourceSchemaLookup.Found(schema, namespaced) with
                {
                    CacheKey = $"crd:{crd.Metadata.Uid}:{crd.Metadata.Generation?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? crd.Metadata.ResourceVersion}:{gvk}",
                };
            }
        }

        return ResourceSchemaLookup.NotFound($"CRD {name} does not serve version {gvk.Version}");
    }

    /// <summary>True when the CRD reports <c>Established=True</c>.</summary>
    public static bool IsEstablished(UnstructuredObject crd) =>
        (crd["status"]?["conditions"] as JsonArray ?? []).Any(c => c?["type"]?.GetValue<string>() == "Established" && c["status"]?.GetValue<string>() == "True");
}
