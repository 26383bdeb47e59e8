using System.Text.Json.Nodes;
using OciOperator.Sandbox.Kube.Schema;
using static OciOperator.Sandbox.Kube.Semantics.JsonDefaults;

namespace OciOperator.Sandbox.Kube.Semantics;

/// <summary>apps/v1 Deployment: replicas, history, progress deadline, rolling-update strategy and pod template defaults.</summary>
internal sealed class DeploymentStrategy : IKindStrategy
{
    public void PrepareForCreate(JsonObject obj, List<FieldError> errors) => Defaults(obj);

    public void PrepareForUpdate(JsonObject obj, JsonObject old, List<FieldError> errors) => Defaults(obj);

    private static void Defaults(JsonObject obj)
    {
        var spec = Child(obj, "spec");
        Default(spec, "replicas", 1);
        Default(spec, "revisionHistoryLimit", 10);
        Default(spec, "progressDeadlineSeconds", 600);
        var strategy = Child(spec, "strategy");
        Default(strategy, "type", "RollingUpdate");
        if (strategy["type"]?.ToString() == "RollingUpdate")
        {
            var rolling = Child(strategy, "rollingUpdate");
            Default(rolling, "maxSurge", "25%");
            Default(rolling, "maxUnavailable", "25%");
        }

        PodStrategy.TemplateDefaults(spec, "Always");
    }
}
