using System.Text.Json.Nodes;

namespace OciOperator.Sandbox.Kube.Schema;

/// <summary>
/// Drops fields the structural schema does not declare (<c>apiextensions pruning</c>), in place, and returns
/// their paths (<c>spec.x</c>, <c>spec.items[0].y</c>) for <c>unknown field "…"</c> messages. Honours
/// <c>x-kubernetes-preserve-unknown-fields</c> (declared properties below are still pruned),
/// <c>additionalProperties</c>, and embedded resources (which keep <c>apiVersion</c>, <c>kind</c>, <c>metadata</c>).
/// Root <c>apiVersion</c>, <c>kind</c> and <c>metadata</c> are left to the server.
/// </summary>
internal static class SchemaPruner
{
    private static readonly HashSet<string> TypeMetaAndMetadata = new(StringComparer.Ordinal) { "apiVersion", "kind", "metadata" };

    private static readonly HashSet<string> ObjectMetaFields = new(StringComparer.Ordinal)
    {
        "name", "generateName", "namespace", "selfLink", "uid", "resourceVersion", "generation", "creationTimestamp",
        "deletionTimestamp", "deletionGracePeriodSeconds", "labels", "annotations", "ownerReferences", "finalizers",
        "managedFields",
    };

    public static IReadOnlyList<string> Prune(JsonNode obj, StructuralSchema schema)
    {
        ArgumentNullException.ThrowIfNull(schema);
        var pruned = new List<string>();
        PruneNode(obj, schema, "", pruned, isRoot: true, depth: 0);
        return pruned;
    }

    private static void PruneNode(JsonNode? value, StructuralSchema schema, string path, List<string> pruned, bool isRoot, int depth)
    {
        if (depth > StructuralSchema.MaxDepth)
        {
            return;
        }

        switch (value)
        {
            case JsonObject obj:
                PruneObject(obj, schema, path, pruned, isRoot, depth);
                break;
            case JsonArray array when schema.Items is not null:
                for (var i = 0; i < array.Count; i++)
                {
                    PruneNode(array[i], schema.Items, FieldPaths.Index(path, i), pruned, isRoot: false, depth + 1);
                }

                break;
        }
    }

    private static void PruneObject(JsonObject obj, StructuralSchema schema, string path, List<string> pruned, bool isRoot, int depth)
    {
        var keepAll = schema.PreserveUnknownFields || schema.AdditionalPropertiesAllowed;
        foreach (var name in obj.Select(p => p.Key).ToList())
        {
            var childPath = FieldPaths.Child(path, name);
            if ((isRoot || schema.EmbeddedResource) && TypeMetaAndMetadata.Contains(name))
            {
                if (schema.EmbeddedResource && !isRoot && name == "metadata" && obj[name] is JsonObject metadata)
                {
                    PruneObjectMeta(metadata, childPath, pruned);
                }
                else if (isRoot && schema.Properties.TryGetValue(name, out var declaredMeta) && name != "metadata")
                {
                    PruneNode(obj[name], declaredMeta, childPath, pruned, isRoot: false, depth + 1);
                }

                continue;
            }

            if (schema.Properties.TryGetValue(name, out var declared))
            {
                PruneNode(obj[name], declared, childPath, pruned, isRoot: false, depth + 1);
            }
            else if (schema.AdditionalProperties is { } additional)
            {
                PruneNode(obj[name], additional, childPath, pruned, isRoot: false, depth + 1);
            }
            else if (!keepAll)
            {
                obj.Remove(name);
                pruned.Add(childPath);
            }
        }
    }

    private static void PruneObjectMeta(JsonObject metadata, string path, List<string> pruned)
    {
        foreach (var name in metadata.Select(p => p.Key).ToList())
        {
            if (!ObjectMetaFields.Contains(name))
            {
                metadata.Remove(name);
                pruned.Add(FieldPaths.Child(path, name));
            }
        }
    }
}
