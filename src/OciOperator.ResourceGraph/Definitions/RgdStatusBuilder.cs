using System.Globalization;
using System.Text.Json.Nodes;
using OciOperator.ResourceGraph.Graph;

namespace OciOperator.ResourceGraph.Definitions;

/// <summary>
/// Computes an RGD's <c>status</c> as kro writes it (kro.md §1.4): <c>state</c>, one condition per type with
/// observedGeneration (lastTransitionTime kept while the status does not change, Ready last and derived from the
/// others), <c>topologicalOrder</c> and <c>resources[]</c> (resources with dependencies, in topological order).
/// Pure: the caller compares and writes.
/// </summary>
internal static class RgdStatusBuilder
{
    /// <param name="current">The status now stored (null when none).</param>
    /// <param name="generation">The RGD's metadata.generation.</param>
    /// <param name="conditions">The dependents of Ready that this reconcile decided; types it leaves out keep their stored value.</param>
    /// <param name="graph">The graph whose order to report; null keeps the stored order (an invalid update keeps the last good graph).</param>
    /// <param name="now">The transition time for conditions that change.</param>
    public static JsonObject Build(JsonObject? current, long generation, IReadOnlyList<RgdCondition> conditions, CompiledGraph? graph, DateTimeOffset now)
    {
        var stored = Stored(current);
        var decided = conditions.ToDictionary(c => c.Type, StringComparer.Ordinal);
        var written = new List<JsonObject>();
        var effective = new List<RgdCondition>();
        foreach (var type in RgdConditions.Dependents)
        {
            var condition = decided.GetValueOrDefault(type)
                ?? FromStored(stored.GetValueOrDefault(type))
                ?? RgdCondition.Unknown(type, RgdConditions.Reasons.AwaitingReconciliation, "waiting for the graph to be accepted");
            effective.Add(condition);
            written.Add(Entry(condition, stored.GetValueOrDefault(type), generation, now));
        }

        var ready = ReadyOf(effective);
        written.Add(Entry(ready, stored.GetValueOrDefault(RgdConditions.Ready), generation, now));
        var status = new JsonObject
        {
            ["state"] = effective.TrueForAll(c => c.Status == RgdConditions.True) ? RgdConditions.StateActive : RgdConditions.StateInactive,
            ["conditions"] = new JsonArray([.. written]),
        };
        if (graph is not null)
        {
            status["topologicalOrder"] = new JsonArray([.. graph.TopologicalOrder.Select(id => (JsonNode)JsonValue.Create(id))]);
            var resources = graph.Nodes.Where(n => n.Dependencies.Count > 0).Select(n => (JsonNode)new JsonObject
            {
                ["id"] = n.Id,
                ["dependencies"] = new JsonArray([.. n.Dependencies.Select(d => (JsonNode)new JsonObject { ["id"] = d })]),
            }).ToList();
            if (resources.Count > 0)
            {
                status["resources"] = new JsonArray([.. resources]);
            }
        }
        else
        {
            foreach (var kept in new[] { "topologicalOrder", "resources", "lastIssuedRevision" })
            {
                if (current?[kept] is { } value)
                {
                    status[kept] = value.DeepClone();
                }
            }
        }

        return status;
    }

    /// <summary>Ready is True when every dependent is; else it copies the first one that is not (False before Unknown).</summary>
    private static RgdCondition ReadyOf(IReadOnlyList<RgdCondition> dependents)
    {
        var blocking = dependents.FirstOrDefault(c => c.Status == RgdConditions.False) ?? dependents.FirstOrDefault(c => c.Status != RgdConditions.True);
        return blocking is null
            ? RgdCondition.True(RgdConditions.Ready, RgdConditions.Reasons.ReadyReason, string.Empty)
            : new RgdCondition(RgdConditions.Ready, blocking.Status, blocking.Reason, blocking.Message);
    }

    private static JsonObject Entry(RgdCondition condition, JsonObject? previous, long generation, DateTimeOffset now)
    {
        var since = previous?["status"]?.GetValue<string>() == condition.Status && previous["lastTransitionTime"] is JsonValue kept
            ? kept.GetValue<string>()
            : now.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
        return new JsonObject
        {
            ["type"] = condition.Type,
            ["status"] = condition.Status,
            ["lastTransitionTime"] = since,
            ["reason"] = condition.Reason,
            ["message"] = condition.Message,
            ["observedGeneration"] = generation,
        };
    }

    private static Dictionary<string, JsonObject> Stored(JsonObject? current)
    {
        var result = new Dictionary<string, JsonObject>(StringComparer.Ordinal);
        foreach (var node in current?["conditions"] as JsonArray ?? [])
        {
            if (node is JsonObject condition && condition["type"] is JsonValue type && type.TryGetValue<string>(out var name))
            {
                result[name] = condition;
            }
        }

        return result;
    }

    private static RgdCondition? FromStored(JsonObject? stored) =>
        stored?["type"]?.GetValue<string>() is { } type && stored["status"]?.GetValue<string>() is { } status
            ? new RgdCondition(type, status, stored["reason"]?.GetValue<string>() ?? string.Empty, stored["message"]?.GetValue<string>() ?? string.Empty)
            : null;
}
