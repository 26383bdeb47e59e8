using System.Text.Json.Nodes;

namespace OciOperator.ResourceGraph.Crd;

/// <summary>
/// The instance's <c>status</c> schema: inferred fields (from status expressions, a later stage) plus kro's reserved
/// <c>state</c> and <c>conditions</c>, which always win over user fields of the same name (kro §2.5).
/// </summary>
internal static class StatusSchemaBuilder
{
    public static JsonObject Build(JsonObject? inferredProperties = null)
    {
        var properties = inferredProperties is null ? new JsonObject() : inferredProperties.DeepClone().AsObject();
        properties["state"] = new JsonObject { ["type"] = "string" };
        properties["conditions"] = ConditionsSchema();
        return new JsonObject { ["type"] = "object", ["properties"] = properties };
    }

    /// <summary>The standard conditions list: type, status, reason, message, lastTransitionTime, observedGeneration.</summary>
    public static JsonObject ConditionsSchema() => new()
    {
        ["type"] = "array",
        ["items"] = new JsonObject
        {
            ["type"] = "object",
            ["properties"] = new JsonObject
            {
                ["type"] = new JsonObject { ["type"] = "string" },
                ["status"] = new JsonObject { ["type"] = "string" },
                ["reason"] = new JsonObject { ["type"] = "string" },
                ["message"] = new JsonObject { ["type"] = "string" },
                ["lastTransitionTime"] = new JsonObject { ["type"] = "string" },
                ["observedGeneration"] = new JsonObject { ["type"] = "integer" },
            },
        },
    };
}
