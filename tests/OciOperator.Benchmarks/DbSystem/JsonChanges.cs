using System.Text.Json.Nodes;

namespace OciOperator.Benchmarks.DbSystem;

/// <summary>The leaf paths whose values differ between two JSON documents (to say what a status write changed).</summary>
internal static class JsonChanges
{
    public static IReadOnlyList<string> Paths(JsonNode? before, JsonNode? after)
    {
        var a = new Dictionary<string, string>(StringComparer.Ordinal);
        var b = new Dictionary<string, string>(StringComparer.Ordinal);
        Flatten(before, "$", a);
        Flatten(after, "$", b);
        return [.. a.Keys.Union(b.Keys).Where(k => a.GetValueOrDefault(k) != b.GetValueOrDefault(k)).Order(StringComparer.Ordinal)];
    }

    private static void Flatten(JsonNode? node, string path, Dictionary<string, string> into)
    {
        switch (node)
        {
            case JsonObject o:
                foreach (var (key, value) in o)
                {
                    Flatten(value, $"{path}.{key}", into);
                }

                break;
            case JsonArray array:
                for (var i = 0; i < array.Count; i++)
                {
                    Flatten(array[i], $"{path}[{i}]", into);
                }

                break;
            default:
                into[path] = node?.ToJsonString() ?? "null";
                break;
        }
    }
}
