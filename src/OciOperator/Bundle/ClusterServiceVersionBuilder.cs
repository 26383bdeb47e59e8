using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace OciOperator.Bundle;

/// <summary>
/// Builds the ClusterServiceVersion: the hand-written base from <c>config/manifests/bases</c>, completed with what the
/// rest of <c>config/</c> says — name and version (from the image tag), <c>containerImage</c>, <c>alm-examples</c>
/// (the samples of owned kinds), the owned CRDs' kinds and versions, the icon, and the install strategy (the
/// Deployment and the folded RBAC).
/// </summary>
internal static class ClusterServiceVersionBuilder
{
    public const string AlmExamplesAnnotation = "alm-examples";

    public const string ContainerImageAnnotation = "containerImage";

    // Relaxed escaping: the JSON sits in a YAML block, where '+' and '"' in the samples' CEL read better unescaped.
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static JsonObject Build(JsonObject csvBase, CsvInputs inputs, List<string> errors)
    {
        var csv = (JsonObject)csvBase.DeepClone();
        var metadata = csv["metadata"] as JsonObject ?? [];
        var annotations = metadata["annotations"] as JsonObject ?? [];
        annotations[AlmExamplesAnnotation] = new JsonArray([.. inputs.Examples.Select(e => e.DeepClone())]).ToJsonString(Indented);
        annotations[ContainerImageAnnotation] = inputs.Image;
        metadata["annotations"] = Sorted(annotations);
        metadata["name"] = BundleLayout.CsvName(inputs.Version);
        csv["metadata"] = metadata;

        var spec = csv["spec"] as JsonObject;
        if (spec is null)
        {
            errors.Add($"{BundleSources.CsvBasePath} has no spec");
            return csv;
        }

        spec["icon"] = new JsonArray(new JsonObject
        {
            ["base64data"] = Convert.ToBase64String(Encoding.UTF8.GetBytes(inputs.IconSvg)),
            ["mediatype"] = "image/svg+xml",
        });
        spec["install"] = new JsonObject
        {
            ["spec"] = new JsonObject
            {
                ["clusterPermissions"] = inputs.Rbac.ClusterPermissions.DeepClone(),
                ["deployments"] = new JsonArray(inputs.Deployment.DeepClone()),
                ["permissions"] = inputs.Rbac.Permissions.DeepClone(),
            },
            ["strategy"] = "deployment",
        };
        spec["version"] = inputs.Version;
        OwnCrds(spec, inputs.Crds, errors);
        return csv;
    }

    /// <summary>Fills each owned entry of the base with the kind and storage version of its CRD; both lists must match.</summary>
    private static void OwnCrds(JsonObject spec, IReadOnlyList<JsonObject> crds, List<string> errors)
    {
        var owned = spec["customresourcedefinitions"]?["owned"] as JsonArray ?? [];
        var result = new JsonArray();
        foreach (var entry in owned.OfType<JsonObject>())
        {
            var name = entry["name"]?.GetValue<string>();
            var crd = crds.FirstOrDefault(c => RbacFolding.Name(c) == name);
            if (crd is null)
            {
                errors.Add($"{BundleSources.CsvBasePath} owns {name}, but config/{BundleSources.InstallOverlay} installs no such CRD");
                continue;
            }

            var storage = (crd["spec"]?["versions"] as JsonArray ?? []).OfType<JsonObject>().FirstOrDefault(v => v["storage"]?.GetValue<bool>() == true);
            var filled = new JsonObject
            {
                ["name"] = name,
                ["version"] = storage?["name"]?.GetValue<string>(),
                ["kind"] = crd["spec"]?["names"]?["kind"]?.GetValue<string>(),
            };
            foreach (var (key, value) in entry.Where(p => p.Key is not ("name" or "version" or "kind")))
            {
                filled[key] = value?.DeepClone();
            }

            result.Add((JsonNode)filled);
        }

        foreach (var crd in crds.Where(c => !owned.OfType<JsonObject>().Any(e => e["name"]?.GetValue<string>() == RbacFolding.Name(c))))
        {
            errors.Add($"config/{BundleSources.InstallOverlay} installs the CRD {RbacFolding.Name(crd)}: describe it under spec.customresourcedefinitions.owned in {BundleSources.CsvBasePath}");
        }

        spec["customresourcedefinitions"] = new JsonObject { ["owned"] = result };
    }

    private static JsonObject Sorted(JsonObject map)
    {
        var sorted = new JsonObject();
        foreach (var (key, value) in map.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            sorted[key] = value?.DeepClone();
        }

        return sorted;
    }
}
