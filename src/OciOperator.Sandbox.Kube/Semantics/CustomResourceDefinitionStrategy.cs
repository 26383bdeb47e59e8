using System.Text.Json.Nodes;
using OciOperator.Sandbox.Kube.Schema;

namespace OciOperator.Sandbox.Kube.Semantics;

/// <summary>apiextensions.k8s.io/v1 CustomResourceDefinition: the CRD rules; the group is immutable.</summary>
internal sealed class CustomResourceDefinitionStrategy : IKindStrategy
{
    public void PrepareForCreate(JsonObject obj, List<FieldError> errors) => CrdRules.Validate(obj, errors);

    public void PrepareForUpdate(JsonObject obj, JsonObject old, List<FieldError> errors)
    {
        CrdRules.Validate(obj, errors);
        if (obj["spec"]?["group"]?.ToJsonString() != old["spec"]?["group"]?.ToJsonString())
        {
            errors.Add(FieldError.Invalid("spec.group", obj["spec"]?["group"]?.DeepClone(), "field is immutable"));
        }
    }
}
