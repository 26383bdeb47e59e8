using k8s.Models;

namespace OciOperator.Schemas.Tests.Crd;

/// <summary>Looks up a dotted path (<c>spec.backupPolicy.copyPolicies[].copyToRegion</c>) in an OpenAPI schema.</summary>
internal static class SchemaPaths
{
    public static V1JSONSchemaProps? Find(V1JSONSchemaProps root, string path)
    {
        var node = root;
        foreach (var segment in path.Split('.'))
        {
            var isList = segment.EndsWith("[]", StringComparison.Ordinal);
            var name = isList ? segment[..^2] : segment;
            if (node.Properties is null || !node.Properties.TryGetValue(name, out var child))
            {
                return null;
            }

            node = child;
            if (isList)
            {
                if (node.Type != "array" || node.Items is not V1JSONSchemaProps items)
                {
                    return null;
                }

                node = items;
            }
        }

        return node;
    }

    /// <summary>Every node of the schema with its path, depth first.</summary>
    public static IEnumerable<(string Path, V1JSONSchemaProps Node)> Walk(V1JSONSchemaProps node, string path = "")
    {
        yield return (path, node);
        foreach (var (name, child) in node.Properties ?? new Dictionary<string, V1JSONSchemaProps>())
        {
            foreach (var inner in Walk(child, path.Length == 0 ? name : $"{path}.{name}"))
            {
                yield return inner;
            }
        }

        if (node.Items is V1JSONSchemaProps items)
        {
            foreach (var inner in Walk(items, path + "[]"))
            {
                yield return inner;
            }
        }

        if (node.AdditionalProperties is V1JSONSchemaProps values)
        {
            foreach (var inner in Walk(values, path + "{}"))
            {
                yield return inner;
            }
        }
    }
}
