using System.Text.Json.Nodes;

namespace OciOperator.ResourceGraph.Rendering;

/// <summary>The <c>required</c> fields an instance lacks (after defaulting), as the API server would report them.</summary>
internal static class RequiredFields
{
    private const int MaxDepth = 64;

    public static List<string> Missing(JsonNode? value, JsonObject? schema, string path)
    {
        var missing = new List<string>();
        Collect(value, schema, path, missing, 0);
        return missing;
    }

    private static void Collect(JsonNode? value, JsonObject? schema, string path, List<string> missing, int depth)
    {
        if (schema is null || depth > MaxDepth)
        {
            return;
        }

        if (value is null)
        {
            if (schema["required"] is JsonArray { Count: > 0 })
            {
                missing.Add(path);
            }

            return;
        }

        if (value is not JsonObject map || schema["properties"] is not JsonObject properties)
        {
            return;
        }

        foreach (var required in schema["required"] as JsonArray ?? [])
        {
            var name = required?.GetValue<string>();
            if (name is not null && !map.ContainsKey(name))
            {
                missing.Add($"{path}.{name}");
            }
        }

        foreach (var (name, child) in map)
        {
            Collect(child, properties[name] as JsonObject, $"{path}.{name}", missing, depth + 1);
        }
    }
}
