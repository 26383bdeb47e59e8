using System.Text.Json.Nodes;
using OciOperator.Sandbox.Kube.Schema;

namespace OciOperator.Sandbox.Kube.Semantics;

/// <summary>core/v1 ConfigMap: valid keys in data and binaryData, both frozen by <c>immutable: true</c>.</summary>
internal sealed class ConfigMapStrategy : IKindStrategy
{
    public void PrepareForCreate(JsonObject obj, List<FieldError> errors)
    {
        ConfigDataRules.Keys(obj, "data", errors);
        ConfigDataRules.Keys(obj, "binaryData", errors);
    }

    public void PrepareForUpdate(JsonObject obj, JsonObject old, List<FieldError> errors)
    {
        PrepareForCreate(obj, errors);
        ConfigDataRules.Immutable(obj, old, "data", errors);
        ConfigDataRules.Immutable(obj, old, "binaryData", errors);
    }
}
