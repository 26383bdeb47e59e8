using System.Text.Json.Nodes;
using OciOperator.Sandbox.Kube.Schema;
using static OciOperator.Sandbox.Kube.Semantics.JsonDefaults;

namespace OciOperator.Sandbox.Kube.Semantics;

/// <summary>core/v1 Pod: pod-spec defaults and a Pending status on create.</summary>
internal sealed class PodStrategy : IKindStrategy
{
    public void PrepareForCreate(JsonObject obj, List<FieldError> errors)
    {
        PodSpecDefaults(Child(obj, "spec"), "Always");
        obj["status"] = new JsonObject { ["phase"] = "Pending", ["qosClass"] = "BestEffort" };
    }

    public void PrepareForUpdate(JsonObject obj, JsonObject old, List<FieldError> errors)
    {
    }

    /// <summary>The defaults of a pod spec (also of the pod template inside workloads).</summary>
    public static void PodSpecDefaults(JsonObject podSpec, string restartPolicy)
    {
        Default(podSpec, "restartPolicy", restartPolicy);
        Default(podSpec, "dnsPolicy", "ClusterFirst");
        Default(podSpec, "schedulerName", "default-scheduler");
        Default(podSpec, "terminationGracePeriodSeconds", 30);
    }

    /// <summary>The pod spec defaults of a workload's <c>spec.template</c>, when it has one.</summary>
    public static void TemplateDefaults(JsonObject workloadSpec, string restartPolicy)
    {
        if (workloadSpec["template"]?["spec"] is JsonObject podSpec)
        {
            PodSpecDefaults(podSpec, restartPolicy);
        }
    }
}
