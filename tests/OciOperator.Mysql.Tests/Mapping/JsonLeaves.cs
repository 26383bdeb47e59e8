using System.Text.Json.Nodes;

namespace OciOperator.Mysql.Tests.Mapping;

/// <summary>
/// Flattens a JSON document to its leaves keyed by path (<c>backupPolicy.copyPolicies[0].copyToRegion</c>), so two
/// documents can be compared field by field with a readable difference.
/// </summary>
internal static class JsonLeaves
{
    public static Dictionary<string, JsonNode?> Of(JsonNode? node)
    {
        var leaves = new Dictionary<string, JsonNode?>(StringComparer.Ordinal);
        Walk(node, string.Empty, leaves);
        return leaves;
    }

    private static void Walk(JsonNode? node, string path, Dictionary<string, JsonNode?> leaves)
    {
        switch (node)
        {
            case JsonObject obj when obj.Count > 0:
                foreach (var (key, value) in obj)
                {
                    Walk(value, path.Length == 0 ? key : $"{path}.{key}", leaves);
                }

                break;
            case JsonArray array when array.Count > 0:
                for (var i = 0; i < array.Count; i++)
                {
                    Walk(array[i], $"{path}[{i}]", leaves);
                }

                break;
            default:
                leaves[path] = node;
                break;
        }
    }
}
