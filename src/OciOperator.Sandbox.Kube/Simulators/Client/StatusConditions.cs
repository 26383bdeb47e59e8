using System.Text.Json.Nodes;

namespace OciOperator.Sandbox.Kube.Simulators.Client;

/// <summary>Builds a workload's <c>status.conditions</c>: one entry per type, lastTransitionTime kept while unchanged.</summary>
internal static class StatusConditions
{
    public static JsonObject? Find(JsonNode? conditions, string type) =>
        (conditions as JsonArray)?.OfType<JsonObject>().FirstOrDefault(c => ObjectKeys.Text(c["type"]) == type);

    public static bool IsTrue(JsonNode? conditions, string type) => ObjectKeys.Text(Find(conditions, type)?["status"]) == "True";

    /// <summary>A copy of <paramref name="existing"/> with <paramref name="type"/> set (appended when new).</summary>
    public static JsonArray With(JsonNode? existing, string type, string status, string reason, string message, DateTimeOffset now, string stampField)
    {
        var result = new JsonArray();
        var replaced = false;
        foreach (var item in (existing as JsonArray)?.OfType<JsonObject>() ?? [])
        {
            if (ObjectKeys.Text(item["type"]) == type)
            {
                result.Add(Make(type, status, reason, message, now, stampField, item));
                replaced = true;
            }
            else
            {
                result.Add(item.DeepClone());
            }
        }

        if (!replaced)
        {
            result.Add(Make(type, status, reason, message, now, stampField, previous: null));
        }

        return result;
    }

    private static JsonObject Make(string type, string status, string reason, string message, DateTimeOffset now, string stampField, JsonObject? previous)
    {
        var stamp = KubeTime.Format(now);
        var transition = previous is not null && ObjectKeys.Text(previous["status"]) == status
            ? ObjectKeys.Text(previous["lastTransitionTime"]) ?? stamp
            : stamp;
        return new JsonObject
        {
            ["type"] = type,
            ["status"] = status,
            [stampField] = stamp,
            ["lastTransitionTime"] = transition,
            ["reason"] = reason,
            ["message"] = message,
        };
    }
}
