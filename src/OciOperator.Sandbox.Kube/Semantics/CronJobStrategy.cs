using System.Text.Json.Nodes;
using OciOperator.Sandbox.Kube.Schema;
using static OciOperator.Sandbox.Kube.Semantics.JsonDefaults;

namespace OciOperator.Sandbox.Kube.Semantics;

/// <summary>batch/v1 CronJob: concurrency policy, suspend, history limits and the job template's pod defaults.</summary>
internal sealed class CronJobStrategy : IKindStrategy
{
    public void PrepareForCreate(JsonObject obj, List<FieldError> errors) => Defaults(obj);

    public void PrepareForUpdate(JsonObject obj, JsonObject old, List<FieldError> errors) => Defaults(obj);

    private static void Defaults(JsonObject obj)
    {
        var spec = Child(obj, "spec");
        Default(spec, "concurrencyPolicy", "Allow");
        Default(spec, "suspend", false);
        Default(spec, "successfulJobsHistoryLimit", 3);
        Default(spec, "failedJobsHistoryLimit", 1);
        if (spec["jobTemplate"]?["spec"] is JsonObject jobSpec)
        {
            PodStrategy.TemplateDefaults(jobSpec, "Never");
        }
    }
}
