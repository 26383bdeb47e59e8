using System.Text.Json.Nodes;

namespace OciOperator.Sandbox.Kube.Semantics;

/// <summary>
/// HorizontalPodAutoscaler between autoscaling/v1 (what <c>kubectl autoscale</c> sends) and autoscaling/v2 (the
/// stored form): v1's <c>targetCPUUtilizationPercentage</c> is v2's CPU Utilization metric, and back.
/// </summary>
internal static class HpaConversion
{
    public const string V1 = "autoscaling/v1";

    public const string V2 = "autoscaling/v2";

    public static JsonObject ToV2(JsonObject v1)
    {
        var v2 = (JsonObject)v1.DeepClone();
        v2["apiVersion"] = V2;
        if (v2["spec"] is JsonObject spec)
        {
            var target = spec["targetCPUUtilizationPercentage"]?.DeepClone();
            spec.Remove("targetCPUUtilizationPercentage");
            if (target is not null)
            {
                spec["metrics"] = new JsonArray(CpuMetric("target", new JsonObject { ["type"] = "Utilization", ["averageUtilization"] = target }));
            }
        }

        if (v2["status"] is JsonObject status)
        {
            var current = status["currentCPUUtilizationPercentage"]?.DeepClone();
            status.Remove("currentCPUUtilizationPercentage");
            if (current is not null)
            {
                status["currentMetrics"] = new JsonArray(CpuMetric("current", new JsonObject { ["averageUtilization"] = current }));
            }
        }

        return v2;
    }

    public static JsonObject ToV1(JsonObject v2)
    {
        var v1 = (JsonObject)v2.DeepClone();
        v1["apiVersion"] = V1;
        if (v1["spec"] is JsonObject spec)
        {
            var target = CpuUtilization(spec["metrics"], "target");
            spec.Remove("metrics");
            spec.Remove("behavior");
            if (target is not null)
            {
                spec["targetCPUUtilizationPercentage"] = target;
            }
        }

        if (v1["status"] is JsonObject status)
        {
            var current = CpuUtilization(status["currentMetrics"], "current");
            status.Remove("currentMetrics");
            status.Remove("conditions");
            if (current is not null)
            {
                status["currentCPUUtilizationPercentage"] = current;
            }
        }

        return v1;
    }

    private static JsonObject CpuMetric(string field, JsonObject value) => new()
    {
        ["type"] = "Resource",
        ["resource"] = new JsonObject { ["name"] = "cpu", [field] = value },
    };

    private static JsonNode? CpuUtilization(JsonNode? metrics, string field) =>
        (metrics as JsonArray ?? []).OfType<JsonObject>()
            .Where(m => m["type"]?.ToString() == "Resource" && m["resource"]?["name"]?.ToString() == "cpu")
            .Select(m => m["resource"]?[field]?["averageUtilization"]?.DeepClone())
            .FirstOrDefault(v => v is not null);
}
