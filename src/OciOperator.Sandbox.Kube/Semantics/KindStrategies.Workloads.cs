using System.Text.Json.Nodes;

namespace OciOperator.Sandbox.Kube.Semantics;

/// <summary>apps/v1 Deployment and batch/v1 Job defaults.</summary>
internal sealed partial class KindStrategies
{
    private static void DeploymentDefaults(JsonObject obj)
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

        PodTemplateDefaults(spec, "Always");
    }

    private static void JobDefaults(JsonObject obj)
    {
        var spec = Child(obj, "spec");
        Default(spec, "completions", 1);
        Default(spec, "parallelism", 1);
        Default(spec, "backoffLimit", 6);
        Default(spec, "completionMode", "NonIndexed");
        Default(spec, "suspend", false);
        PodTemplateDefaults(spec, "Never");
    }

    private static void PodTemplateDefaults(JsonObject spec, string restartPolicy)
    {
        if (spec["template"]?["spec"] is JsonObject podSpec)
        {
            Default(podSpec, "restartPolicy", restartPolicy);
            Default(podSpec, "dnsPolicy", "ClusterFirst");
            Default(podSpec, "schedulerName", "default-scheduler");
            Default(podSpec, "terminationGracePeriodSeconds", 30);
        }
    }
}
