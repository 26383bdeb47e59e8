using System.Text.Json.Nodes;
using OciOperator.Sandbox.Kube.Schema;
using static OciOperator.Sandbox.Kube.Semantics.JsonDefaults;

namespace OciOperator.Sandbox.Kube.Semantics;

/// <summary>apps/v1 ReplicaSet: replicas and template defaults.</summary>
internal sealed class ReplicaSetStrategy : IKindStrategy
{
    public void PrepareForCreate(JsonObject obj, List<FieldError> errors) => Defaults(obj);

    public void PrepareForUpdate(JsonObject obj, JsonObject old, List<FieldError> errors) => Defaults(obj);

    private static void Defaults(JsonObject obj)
    {
        var spec = Child(obj, "spec");
        Default(spec, "replicas", 1);
        PodStrategy.TemplateDefaults(spec, "Always");
    }
}
