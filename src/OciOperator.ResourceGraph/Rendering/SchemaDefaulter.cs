using System.Text.Json.Nodes;

namespace OciOperator.ResourceGraph.Rendering;

/// <summary>Applies OpenAPI <c>default</c>s to a JSON value the way the API server's structural defaulting does.</summary>
internal static class SchemaDefaulter
{
    private const int MaxDepth = 64;

    public static void Apply(JsonNode? value, JsonObject? schema) => Apply(value, schema, 0);

    private static void Apply(JsonNode? value, JsonObject? schema, int depth)
    {
        if (schema is null || depth > MaxDepth)
        {
            return;
        }

        switch (value)
        {
            case JsonObject map:
                if (schema["properties"] is JsonObject properties)
                {
                    foreach (var (name, propertyNode) in properties)
                    {
                        if (propertyNode is not JsonObject property)
                        {
                            continue;
                        }

                        if (!map.ContainsKey(name) && property["default"] is { } defaultValue)
                        {
                            map[name] = defaultValue.DeepClone();
                        }

                        Apply(map[name], property, depth + 1);
                    }
                }
                else if (schema["additionalProperties"] is JsonObject values)
                {
                    foreach (var (_, child) in map.ToList())
                    {
                        Apply(child, values, depth + 1);
                    }
                }

                return;
            case JsonArray list when schema["items"] is JsonObject items:
                foreach (var item in list)
                {
                    Apply(item, items, depth + 1);
                }

                return;
        }
    }
}
