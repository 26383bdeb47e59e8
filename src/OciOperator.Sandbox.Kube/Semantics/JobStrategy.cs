using System.Text.Json.Nodes;
using OciOperator.Sandbox.Kube.Schema;
using static OciOperator.Sandbox.Kube.Semantics.JsonDefaults;

namespace OciOperator.Sandbox.Kube.Semantics;

/// <summary>batch/v1 Job: completions, parallelism, backoff, completion mode, suspend and pod template defaults.</summary>
internal sealed class JobStrategy : IKindStrategy
{
    public void PrepareForCreate(JsonObject obj, List<FieldError> errors) => Defaults(obj);

    public void PrepareForUpdate(JsonObject obj, JsonObject old, List<FieldError> errors) => Defaults(obj);

    private static void Defaults(JsonObject obj)
    {
        var spec = Child(obj, "spec");
        Default(spec, "completions", 1);
        Default(spec, "parallelism", 1);
        Default(spec, "backoffLimit", 6);
        Default(spec, "completionMode", "NonIndexed");
        Default(spec, "suspend", false);
        PodStrategy.TemplateDefaults(spec, "Never");
    }
}
