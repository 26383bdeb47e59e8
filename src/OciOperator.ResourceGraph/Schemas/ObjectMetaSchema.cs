using System.Text.Json.Nodes;

namespace OciOperator.ResourceGraph.Schemas;

/// <summary>
/// The schema of <c>metadata</c> the engine types expressions against (CRD schemas leave it as a bare object; kro
/// declares the full ObjectMeta, <c>SchemaDeclTypeWithMetadata</c>). Fields as in <c>meta/v1 ObjectMeta</c>.
/// </summary>
internal static class ObjectMetaSchema
{
    public static JsonObject Create(bool withNamespace = true)
    {
        var stringMap = new JsonObject { ["type"] = "object", ["additionalProperties"] = Str() };
        var properties = new JsonObject
        {
            ["name"] = Str(),
            ["generateName"] = Str(),
            ["uid"] = Str(),
            ["resourceVersion"] = Str(),
            ["generation"] = new JsonObject { ["type"] = "integer", ["format"] = "int64" },
            ["creationTimestamp"] = new JsonObject { ["type"] = "string", ["format"] = "date-time" },
            ["deletionTimestamp"] = new JsonObject { ["type"] = "string", ["format"] = "date-time" },
            ["deletionGracePeriodSeconds"] = new JsonObject { ["type"] = "integer", ["format"] = "int64" },
            ["labels"] = stringMap.DeepClone(),
            ["annotations"] = stringMap.DeepClone(),
            ["finalizers"] = new JsonObject { ["type"] = "array", ["items"] = Str() },
            ["ownerReferences"] = new JsonObject
            {
                ["type"] = "array",
                ["items"] = new JsonObject
                {
                    ["type"] = "object",
                    ["properties"] = new JsonObject
                    {
                        ["apiVersion"] = Str(),
                        ["kind"] = Str(),
                        ["name"] = Str(),
                        ["uid"] = Str(),
                        ["controller"] = new JsonObject { ["type"] = "boolean" },
                        ["blockOwnerDeletion"] = new JsonObject { ["type"] = "boolean" },
                    },
                },
            },
            ["managedFields"] = new JsonObject
            {
                ["type"] = "array",
                ["items"] = new JsonObject { ["type"] = "object", ["x-kubernetes-preserve-unknown-fields"] = true },
            },
        };
        if (withNamespace)
        {
            properties["namespace"] = Str();
        }

        return new JsonObject { ["type"] = "object", ["properties"] = properties };
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
