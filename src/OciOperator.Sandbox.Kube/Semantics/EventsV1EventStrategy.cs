using System.Text.Json.Nodes;
using OciOperator.Sandbox.Kube.Schema;

namespace OciOperator.Sandbox.Kube.Semantics;

/// <summary>events.k8s.io/v1 Event: validated strictly, on its core/v1 storage form.</summary>
internal sealed class EventsV1EventStrategy : IKindStrategy
{
    public void PrepareForCreate(JsonObject obj, List<FieldError> errors) =>
        EventRules.ValidateCreate(EventConversion.ToCore(obj), strict: true, errors);

    public void PrepareForUpdate(JsonObject obj, JsonObject old, List<FieldError> errors) =>
        EventRules.ValidateUpdate(EventConversion.ToCore(obj), EventConversion.ToCore(old), strict: true, errors);
}
