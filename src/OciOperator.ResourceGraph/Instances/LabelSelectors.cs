using System.Text.Json.Nodes;

namespace OciOperator.ResourceGraph.Instances;

/// <summary>A <c>metav1.LabelSelector</c> (matchLabels and matchExpressions) as the query text of a list request.</summary>
internal static class LabelSelectors
{
    public static string ToQuery(JsonObject? selector)
    {
        if (selector is null)
        {
            return string.Empty;
        }

        var parts = new List<string>();
        if (selector["matchLabels"] is JsonObject labels)
        {
            parts.AddRange(labels.Select(p => $"{p.Key}={Text(p.Value)}"));
        }

        if (selector["matchExpressions"] is JsonArray expressions)
        {
            foreach (var expression in expressions.OfType<JsonObject>())
            {
                var key = Text(expression["key"]);
                var values = (expression["values"] as JsonArray ?? []).Select(Text);
                var op = Text(expression["operator"]);
                parts.Add(op switch
                {
                    "In" => $"{key} in ({string.Join(",", values)})",
                    "NotIn" => $"{key} notin ({string.Join(",", values)})",
                    "DoesNotExist" => "!" + key,
                    _ => key,
                });
            }
        }

        return string.Join(",", parts);
    }

    private static string Text(JsonNode? node) => node is JsonValue v && v.TryGetValue<string>(out var s) ? s : node?.ToJsonString() ?? string.Empty;
}
