using System.Text.Json.Nodes;
using OciOperator.Sandbox.Kube.Schema;
using static OciOperator.Sandbox.Kube.Semantics.JsonDefaults;

namespace OciOperator.Sandbox.Kube.Semantics;

/// <summary>apps/v1 DaemonSet: RollingUpdate (maxUnavailable 1, maxSurge 0), history and template defaults.</summary>
internal sealed class DaemonSetStrategy : IKindStrategy
{
    public void PrepareForCreate(JsonObject obj, List<FieldError> errors) => Defaults(obj);

    public void PrepareForUpdate(JsonObject obj, JsonObject old, List<FieldError> errors) => Defaults(obj);

    private static void Defaults(JsonObject obj)
    {
        var spec = Child(obj, "spec");
        Default(spec, "revisionHistoryLimit", 10);
        var strategy = Child(spec, "updateStrategy");
        Default(strategy, "type", "RollingUpdate");
        if (strategy["type"]?.ToString() == "RollingUpdate")
        {
            var rolling = Child(strategy, "rollingUpdate");
            Default(rolling, "maxUnavailable", 1);
            Default(rolling, "maxSurge", 0);
        }

        PodStrategy.TemplateDefaults(spec, "Always");
    }
}
