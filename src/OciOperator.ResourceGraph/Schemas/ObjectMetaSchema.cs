using System.Text.Json.Nodes;
using OciOperator.Schemas.BuiltIn;

namespace OciOperator.ResourceGraph.Schemas;

/// <summary>
/// The schema of <c>metadata</c> the engine types expressions against (CRD schemas leave it as a bare object; kro
/// declares the full ObjectMeta, <c>SchemaDeclTypeWithMetadata</c>), derived from KubernetesClient's model by <see cref="BuiltInSchemas.ObjectMeta"/>.
/// </summary>
internal static class ObjectMetaSchema
{
    public static JsonObject Create(bool withNamespace = true)
    {
        var metadata = BuiltInSchemas.ObjectMeta();
        if (!withNamespace && metadata["properties"] is JsonObject properties)
        {
            properties.Remove("namespace");
        }

        return metadata;
    }

    /// <summary>A copy of an object schema whose top-level <c>metadata</c> is the full ObjectMeta.</summary>
    public static JsonObject WithObjectMeta(JsonObject objectSchema, bool withNamespace = true)
    {
        var copy = objectSchema.DeepClone().AsObject();
        if (copy["properties"] is not JsonObject properties)
        {
            if (IsPreserveUnknown(copy))
            {
                return copy;
            }

            properties = [];
            copy["properties"] = properties;
        }

        properties["metadata"] = Create(withNamespace);
        properties["apiVersion"] ??= Str();
        properties["kind"] ??= Str();
        return copy;
    }

    private static bool IsPreserveUnknown(JsonObject schema) =>
        schema["x-kubernetes-preserve-unknown-fields"] is JsonValue v && v.TryGetValue<bool>(out var b) && b;

    private static JsonObject Str() => new() { ["type"] = "string" };
}
