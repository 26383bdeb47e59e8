using System.Text.Json.Nodes;

namespace OciOperator.Sandbox.Kube.Schema;

/// <summary>
/// Applies schema defaults in place (<c>apiextensions defaulting/algorithm.go</c>): in each object that exists,
/// every declared property with a default that is absent or a non-nullable <c>null</c> gets a deep copy of it, then
/// the algorithm recurses into all present properties, array items and additionalProperties values. Non-nullable
/// <c>null</c>s without a default are dropped first (<c>PruneNonNullableNullsWithoutDefaults</c>); nullable
/// <c>null</c>s stay and are not defaulted.
/// </summary>
internal static class SchemaDefaulter
{
    public static void ApplyDefaults(JsonNode obj, StructuralSchema schema)
    {
        ArgumentNullException.ThrowIfNull(schema);
        Default(obj, schema, depth: 0);
    }

    private static void Default(JsonNode? value, StructuralSchema schema, int depth)
    {
        if (depth > StructuralSchema.MaxDepth)
        {
            return;
        }

        switch (value)
        {
            case JsonObject obj:
                DefaultObject(obj, schema, depth);
                break;
            case JsonArray array when schema.Items is { } items:
                for (var i = 0; i < array.Count; i++)
                {
                    if (array[i] is null && !items.Nullable && HasUsableDefault(items))
                    {
                        array[i] = items.Default!.DeepClone();
                    }

                    Default(array[i], items, depth + 1);
                }

                break;
        }
    }

    private static void DefaultObject(JsonObject obj, StructuralSchema schema, int depth)
    {
        foreach (var name in schema.PropertyOrder)
        {
            var property = schema.Properties[name];
            var present = obj.TryGetPropertyValue(name, out var current);
            if (present && current is null && !property.Nullable && !HasUsableDefault(property))
            {
                obj.Remove(name);
                continue;
            }

            if (HasUsableDefault(property) && (!present || (current is null && !property.Nullable)))
            {
                obj[name] = property.Default!.DeepClone();
            }
        }

        foreach (var name in obj.Select(p => p.Key).ToList())
        {
            if (schema.Properties.TryGetValue(name, out var declared))
            {
                Default(obj[name], declared, depth + 1);
            }
            else if (schema.AdditionalProperties is { } additional)
            {
                if (obj[name] is null && !additional.Nullable && HasUsableDefault(additional))
                {
                    obj[name] = additional.Default!.DeepClone();
                }

                Default(obj[name], additional, depth + 1);
            }
        }
    }

    private static bool HasUsableDefault(StructuralSchema schema) => schema.HasDefault && schema.Default is not null;
}
