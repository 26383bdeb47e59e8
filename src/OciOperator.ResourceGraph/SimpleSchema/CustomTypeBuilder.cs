using System.Text.Json.Nodes;

namespace OciOperator.ResourceGraph.SimpleSchema;

/// <summary>
/// Builds <c>schema.types</c> (kro §2.4): each entry is a struct (a map, like a schema block) or an alias string
/// with markers; types may use other types, so they are built in dependency order and a cycle is an error.
/// </summary>
internal static class CustomTypeBuilder
{
    public static TypeRegistry Build(JsonObject? definitions)
    {
        var registry = new TypeRegistry();
        if (definitions is null)
        {
            return registry;
        }

        var dependencies = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
        foreach (var (name, definition) in definitions)
        {
            dependencies[name] = DependenciesOf(definition, $"types.{name}").ToList();
        }

        foreach (var (name, uses) in dependencies)
        {
            var unknown = uses.FirstOrDefault(u => !dependencies.ContainsKey(u));
            if (unknown is not null)
            {
                throw new SimpleSchemaException($"unknown type: {unknown}", $"types.{name}");
            }
        }

        var transformer = new SchemaTransformer(registry);
        foreach (var name in TypeOrder.Sort(dependencies))
        {
            var (schema, required) = transformer.BuildField(definitions[name], $"types.{name}");
            registry.Add(name, new ResolvedType(schema, required));
        }

        return registry;
    }

    /// <summary>The custom type names used anywhere in a definition (nested maps included).</summary>
    private static IEnumerable<string> DependenciesOf(JsonNode? definition, string path)
    {
        switch (definition)
        {
            case JsonObject fields:
                return fields.SelectMany(f => DependenciesOf(f.Value, $"{path}.{f.Key}")).ToList();
            case JsonValue value when value.TryGetValue<string>(out var spec):
                try
                {
                    return FieldSpec.Parse(spec).Type.Deps();
                }
                catch (SimpleSchemaException ex)
                {
                    throw ex.At(path);
                }

            default:
                // Reported with its path when the definition is built.
                return [];
        }
    }
}
