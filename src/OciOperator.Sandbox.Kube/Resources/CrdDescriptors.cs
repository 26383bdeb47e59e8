using System.Text.Json.Nodes;
using OciOperator.Sandbox.Kube.Schema;
using OciOperator.Sandbox.Kube.Selectors;
using OciOperator.Sandbox.Kube.Storage;

namespace OciOperator.Sandbox.Kube.Resources;

/// <summary>Turns a CustomResourceDefinition into the descriptors of its served versions.</summary>
internal static class CrdDescriptors
{
    public const string CleanupFinalizer = "customresourcecleanup.apiextensions.k8s.io";

    public static IReadOnlyList<ResourceDescriptor> Build(JsonObject crd)
    {
        var spec = crd["spec"] as JsonObject ?? [];
        var names = spec["names"] as JsonObject ?? [];
        var group = Text(spec["group"]);
        var kind = Text(names["kind"]);
        var plural = Text(names["plural"]);
        var singular = Text(names["singular"]);
        if (singular.Length == 0)
        {
            singular = kind.ToLowerInvariant();
        }

        var namespaced = !string.Equals(Text(spec["scope"]), "Cluster", StringComparison.Ordinal);
        var terminating = ObjectMeta.IsDeleting(crd);
        var verbs = terminating
            ? ["delete", "deletecollection", "get", "list", "watch"]
            : ResourceDescriptor.AllVerbs;
        var list = new List<ResourceDescriptor>();
        if (spec["versions"] is not JsonArray versions)
        {
            return list;
        }

        foreach (var v in versions.OfType<JsonObject>())
        {
            if (v["served"] is JsonValue served && served.TryGetValue<bool>(out var s) && !s)
            {
                continue;
            }

            var openApi = v["schema"]?["openAPIV3Schema"] as JsonObject;
            var schema = openApi is null ? null : StructuralSchema.Parse(openApi);
            list.Add(new ResourceDescriptor
            {
                Group = group,
                Version = Text(v["name"]),
                Plural = plural,
                Singular = singular,
                Kind = kind,
                Namespaced = namespaced,
                ShortNames = ObjectMeta.Strings(names["shortNames"]),
                Categories = ObjectMeta.Strings(names["categories"]),
                Verbs = verbs,
                HasStatus = v["subresources"]?["status"] is JsonObject,
                Scale = v["subresources"]?["scale"] is JsonObject scale
                    ? new ScalePaths(Text(scale["specReplicasPath"]), Text(scale["statusReplicasPath"]), scale["labelSelectorPath"] is JsonValue ? Text(scale["labelSelectorPath"]) : null, SelectorIsObject: false)
                    : null,
                IsCustom = true,
                Generation = GenerationPolicy.AnythingButMetadata,
                AllowUnconditionalUpdate = false,
                OpenApiSchema = openApi,
                Schema = schema,
                ValidationRules = schema is null ? null : new Lazy<Validation.SchemaRules?>(() => Validation.SchemaRules.Build(schema, openApi!)),
                PrinterColumns = v["additionalPrinterColumns"] as JsonArray,
                CrdName = ObjectMeta.NameOf(crd),
                FieldLabels = SelectableFields(v["selectableFields"] as JsonArray),
            });
        }

        return list;
    }

    /// <summary>
    /// <c>metadata.name</c>/<c>metadata.namespace</c> plus the version's <c>selectableFields</c> (GA in 1.32): each
    /// <c>jsonPath</c> such as <c>.spec.color</c> becomes the label <c>spec.color</c>, reading a string, integer or boolean
    /// (empty when absent). Rejections keep the custom-resource wording.
    /// </summary>
    private static FieldLabels SelectableFields(JsonArray? declared)
    {
        var paths = (declared ?? []).OfType<JsonObject>()
            .Select(f => Text(f["jsonPath"]).TrimStart('.'))
            .Where(p => p.Length > 0)
            .ToList();
        if (paths.Count == 0)
        {
            return FieldLabels.Metadata;
        }

        var readers = new Dictionary<string, Func<JsonObject, string>>(StringComparer.Ordinal)
        {
            ["metadata.name"] = o => FieldLabels.Path(o, "metadata.name"),
            ["metadata.namespace"] = o => FieldLabels.Path(o, "metadata.namespace"),
        };
        foreach (var path in paths)
        {
            readers[path] = o => FieldLabels.Path(o, path);
        }

        return new FieldLabels(readers, kindSpecific: false);
    }

    private static string Text(JsonNode? node) =>
        node is JsonValue v && v.TryGetValue<string>(out var s) ? s : "";
}
