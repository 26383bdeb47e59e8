using System.Text.Json.Nodes;
using OciOperator.Sandbox.Kube.Schema;
using static OciOperator.Sandbox.Kube.Semantics.JsonDefaults;

namespace OciOperator.Sandbox.Kube.Semantics;

/// <summary>apps/v1 StatefulSet: replicas, pod management, RollingUpdate with partition 0, history, PVC retention, template defaults.</summary>
internal sealed class StatefulSetStrategy : IKindStrategy
{
    public void PrepareForCreate(JsonObject obj, List<FieldError> errors) => Defaults(obj);

    public void PrepareForUpdate(JsonObject obj, JsonObject old, List<FieldError> errors) => Defaults(obj);

    private static void Defaults(JsonObject obj)
    {
        var spec = Child(obj, "spec");
        Default(spec, "replicas", 1);
        Default(spec, "podManagementPolicy", "OrderedReady");
        Default(spec, "revisionHistoryLimit", 10);
        var strategy = Child(spec, "updateStrategy");
        Default(strategy, "type", "RollingUpdate");
        if (strategy["type"]?.ToString() == "RollingUpdate")
        {
            Default(Child(strategy, "rollingUpdate"), "partition", 0);
        }

        var retention = Child(spec, "persistentVolumeClaimRetentionPolicy");
        Default(retention, "whenDeleted", "Retain");
        Default(retention, "whenScaled", "Retain");
        PodStrategy.TemplateDefaults(spec, "Always");
    }
}
