using System.Text.Json.Nodes;
using OciOperator.ResourceGraph.Graph;

namespace OciOperator.ResourceGraph.Instances;

/// <summary>Writes a value at a <see cref="FieldPath"/> of an object being built, creating maps and growing lists on the way.</summary>
internal static class JsonPaths
{
    public static void Set(JsonObject root, FieldPath path, JsonNode? value)
    {
        JsonNode current = root;
        var segments = path.Segments;
        for (var i = 0; i < segments.Length; i++)
        {
            var last = i == segments.Length - 1;
            JsonNode? Fresh() => last ? value?.DeepClone() : segments[i + 1].Key is null ? new JsonArray() : new JsonObject();
            if (segments[i].Key is { } key)
            {
                var map = (JsonObject)current;
                if (last || map[key] is null)
                {
                    map[key] = Fresh();
                }

                current = map[key]!;
            }
            else
            {
                var list = (JsonArray)current;
                while (list.Count <= segments[i].Index)
                {
                    list.Add(null);
                }

                if (last || list[segments[i].Index] is null)
                {
                    list[segments[i].Index] = Fresh();
                }

                current = list[segments[i].Index]!;
            }

            if (last)
            {
                return;
            }
        }
    }
}
