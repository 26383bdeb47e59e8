using System.Text.Json.Nodes;

namespace OciOperator.Sandbox.Kube.Selectors;

/// <summary>A LabelSelector object (<c>matchLabels</c>, <c>matchExpressions</c>) in its string form, as Scale.status.selector shows it.</summary>
internal static class LabelSelectorText
{
    public static string FromObject(JsonObject? selector)
    {
        if (selector is null)
        {
            return "";
        }

        var terms = new List<string>();
        if (selector["matchLabels"] is JsonObject labels)
        {
            terms.AddRange(labels.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => p.Key + "=" + p.Value));
        }

        foreach (var expression in (selector["matchExpressions"] as JsonArray ?? []).OfType<JsonObject>())
        {
            var key = expression["key"]?.ToString() ?? "";
            var values = (expression["values"] as JsonArray ?? []).Select(v => v?.ToString() ?? "").Order(StringComparer.Ordinal);
            terms.Add((expression["operator"]?.ToString() ?? "") switch
            {
                "In" => $"{key} in ({string.Join(",", values)})",
                "NotIn" => $"{key} notin ({string.Join(",", values)})",
                "Exists" => key,
                "DoesNotExist" => "!" + key,
                _ => key,
            });
        }

        return string.Join(",", terms);
    }
}
