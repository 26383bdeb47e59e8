using System.Text.Json.Nodes;
using OciOperator.Sandbox.Kube.Schema;

namespace OciOperator.Sandbox.Kube.Semantics;

/// <summary>core/v1 Event: validated leniently, as the core API does.</summary>
internal sealed class CoreEventStrategy : IKindStrategy
{
    public void PrepareForCreate(JsonObject obj, List<FieldError> errors) => EventRules.ValidateCreate(obj, strict: false, errors);

    public void PrepareForUpdate(JsonObject obj, JsonObject old, List<FieldError> errors) => EventRules.ValidateUpdate(obj, old, strict: false, errors);
}
