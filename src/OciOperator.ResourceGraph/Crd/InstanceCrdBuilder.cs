using System.Text.Json.Nodes;
using OciOperator.ResourceGraph.SimpleSchema;

namespace OciOperator.ResourceGraph.Crd;

/// <summary>
/// Synthesises the CustomResourceDefinition of an RGD's instances (kro <c>pkg/graph/crd</c>): names, group, scope,
/// one served+storage version with the status subresource, the OpenAPI schema (spec from SimpleSchema, status with
/// the reserved fields), printer columns and ownership labels. Pure: no API calls.
/// </summary>
internal static class InstanceCrdBuilder
{
    /// <summary>Builds the CRD as a JSON object (<c>apiextensions.k8s.io/v1</c>).</summary>
    /// <param name="schema">The RGD's <c>spec.schema</c>.</param>
    /// <param name="rgdName">The RGD's name (label <c>kro.run/resource-graph-definition-name</c>).</param>
    /// <param name="rgdUid">The RGD's uid (label <c>kro.run/resource-graph-definition-id</c>).</param>
    /// <param name="version">The operator's version (label <c>kro.run/kro-version</c>, <c>+</c> becomes <c>-</c>).</param>
    /// <param name="statusProperties">Inferred status fields; null until status inference exists.</param>
    public static JsonObject Build(RgdSchema schema, string rgdName, string rgdUid, string version, JsonObject? statusProperties = null)
    {
        ArgumentNullException.ThrowIfNull(schema);
        var specSchema = SimpleSchemaConverter.ToOpenApi(schema.Spec, schema.Types);
        var kind = schema.Kind;
        var singular = kind.ToLowerInvariant();
        var plural = schema.PluralName;
        var names = new JsonObject
        {
            ["kind"] = kind,
            ["listKind"] = kind + "List",
            ["plural"] = plural,
            ["singular"] = singular,
        };
        if (schema.ShortNames.Count > 0)
        {
            names["shortNames"] = Strings(schema.ShortNames);
        }

        if (schema.Categories.Count > 0)
        {
            names["categories"] = Strings(schema.Categories);
        }

        var versionEntry = new JsonObject
        {
            ["name"] = schema.ApiVersion,
            ["served"] = true,
            ["storage"] = true,
            ["schema"] = new JsonObject { ["openAPIV3Schema"] = RootSchema(specSchema, statusProperties, schema.NameSchema) },
            ["subresources"] = new JsonObject { ["status"] = new JsonObject() },
            ["additionalPrinterColumns"] = schema.AdditionalPrinterColumns is { Count: > 0 } columns
                ? columns.DeepClone()
                : DefaultPrinterColumns(),
        };
        var metadata = new JsonObject
        {
            ["name"] = $"{plural}.{schema.Group}",
            ["labels"] = Labels(schema, rgdName, rgdUid, version),
        };
        if (schema.Annotations.Count > 0)
        {
            metadata["annotations"] = StringMap(schema.Annotations);
        }

        return new JsonObject
        {
            ["apiVersion"] = "apiextensions.k8s.io/v1",
            ["kind"] = "CustomResourceDefinition",
            ["metadata"] = metadata,
            ["spec"] = new JsonObject
            {
                ["group"] = schema.Group,
                ["names"] = names,
                ["scope"] = schema.Scope,
                ["versions"] = new JsonArray(versionEntry),
            },
        };
    }

    /// <summary>State, Ready and Age, used when the RGD sets no printer columns.</summary>
    public static JsonArray DefaultPrinterColumns() =>
    [
        new JsonObject
        {
            ["name"] = "State",
            ["type"] = "string",
            ["description"] = "The state of a ResourceGraphDefinition instance",
            ["jsonPath"] = ".status.state",
        },
        new JsonObject
        {
            ["name"] = "Ready",
            ["type"] = "string",
            ["description"] = "Whether a ResourceGraphDefinition instance is ready",
            ["jsonPath"] = ".status.conditions[?(@.type==\"Ready\")].status",
        },
        new JsonObject
        {
            ["name"] = "Age",
            ["type"] = "date",
            ["description"] = "Age of the resource",
            ["jsonPath"] = ".metadata.creationTimestamp",
        },
    ];

    private static JsonObject RootSchema(JsonObject specSchema, JsonObject? statusProperties, JsonObject? nameSchema) => new()
    {
        ["type"] = "object",
        ["properties"] = new JsonObject
        {
            ["apiVersion"] = new JsonObject { ["type"] = "string" },
            ["kind"] = new JsonObject { ["type"] = "string" },
            ["metadata"] = MetadataSchema(nameSchema),
            ["spec"] = specSchema,
            ["status"] = StatusSchemaBuilder.Build(statusProperties),
        },
    };

    /// <summary>
    /// <c>metadata</c> of the instance: only <c>name</c> (and <c>generateName</c>) may be constrained in a CRD; the API
    /// server checks the final name, including one generated from <c>generateName</c>.
    /// </summary>
    private static JsonObject MetadataSchema(JsonObject? nameSchema) => nameSchema is null
        ? new JsonObject { ["type"] = "object" }
        : new JsonObject { ["type"] = "object", ["properties"] = new JsonObject { ["name"] = nameSchema.DeepClone() } };

    private static JsonObject Labels(RgdSchema schema, string rgdName, string rgdUid, string version)
    {
        // The schema's own labels first; the keys the engine writes win, and only those are reserved.
        var labels = StringMap(schema.Labels);
        labels[CrdLabels.Owned] = "true";
        labels[CrdLabels.KroVersion] = version.Replace('+', '-');
        labels[CrdLabels.RgdId] = rgdUid;
        labels[CrdLabels.RgdName] = rgdName;
        return labels;
    }

    private static JsonObject StringMap(IReadOnlyDictionary<string, string> values)
    {
        var result = new JsonObject();
        foreach (var (key, value) in values.OrderBy(v => v.Key, StringComparer.Ordinal))
        {
            result[key] = value;
        }

        return result;
    }

    private static JsonArray Strings(IEnumerable<string> values) => new([.. values.Select(v => (JsonNode)JsonValue.Create(v))]);
}
