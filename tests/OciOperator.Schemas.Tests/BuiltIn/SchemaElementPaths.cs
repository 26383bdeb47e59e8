using System.Text.Json;

namespace OciOperator.Schemas.Tests.BuiltIn;

/// <summary>
/// Looks up a dotted path in an OpenAPI schema held as JSON: <c>spec.template.spec.containers[].image</c>, where
/// <c>[]</c> steps into <c>items</c> and <c>{}</c> into <c>additionalProperties</c>.
/// </summary>
internal static class SchemaElementPaths
{
    public static JsonElement? Find(JsonElement root, string path)
    {
        var node = root;
        foreach (var segment in path.Split('.'))
        {
            var name = segment.TrimEnd('[', ']', '{', '}');
            if (name.Length > 0)
            {
                if (!node.TryGetProperty("properties", out var properties) || !properties.TryGetProperty(name, out node))
                {
                    return null;
                }
            }

            foreach (var step in Steps(segment[name.Length..]))
            {
                if (!node.TryGetProperty(step, out node))
                {
                    return null;
                }
            }
        }

        return node;
    }

    /// <summary>Every schema node with its path, depth first (the int-or-string <c>anyOf</c> branches are not nodes).</summary>
    public static IEnumerable<(string Path, JsonElement Node)> Walk(JsonElement node, string path = "")
    {
        yield return (path, node);
        if (node.TryGetProperty("properties", out var properties))
        {
            foreach (var property in properties.EnumerateObject())
            {
                foreach (var inner in Walk(property.Value, path.Length == 0 ? property.Name : $"{path}.{property.Name}"))
                {
                    yield return inner;
                }
            }
        }

        if (node.TryGetProperty("items", out var items))
        {
            foreach (var inner in Walk(items, path + "[]"))
            {
                yield return inner;
            }
        }

        if (node.TryGetProperty("additionalProperties", out var values) && values.ValueKind == JsonValueKind.Object)
        {
            foreach (var inner in Walk(values, path + "{}"))
            {
                yield return inner;
            }
        }
    }

    private static IEnumerable<string> Steps(string suffix)
    {
        for (var i = 0; i + 1 < suffix.Length; i += 2)
        {
            yield return suffix.Substring(i, 2) == "[]" ? "items" : "additionalProperties";
        }
    }
}
