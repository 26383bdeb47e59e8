using System.Text.Json.Nodes;

namespace OciOperator.ResourceGraph.SimpleSchema;

/// <summary>
/// Turns a SimpleSchema block (a map of field name → field spec string or nested map) into an OpenAPI v3 object
/// schema (kro <c>buildOpenAPISchema</c>): <c>properties</c>, sorted <c>required</c>, and <c>default: {}</c> when no
/// child is required and at least one child has a default.
/// </summary>
internal sealed class SchemaTransformer(TypeRegistry types)
{
    /// <summary>The deepest nesting of anonymous structs accepted (a budget against hostile input).</summary>
    public const int MaxObjectDepth = 64;

    public JsonObject BuildObject(JsonObject block, string path) => BuildObject(block, path, depth: 0);

    /// <summary>One field: a nested map is an anonymous struct, a string is <c>type | markers</c>.</summary>
    public (JsonObject Schema, bool Required) BuildField(JsonNode? value, string path) => BuildField(value, path, depth: 0);

    private JsonObject BuildObject(JsonObject block, string path, int depth)
    {
        ArgumentNullException.ThrowIfNull(block);
        if (depth > MaxObjectDepth)
        {
            throw new SimpleSchemaException($"schema nesting too deep (more than {MaxObjectDepth} levels)", path);
        }

        var properties = new JsonObject();
        var required = new SortedSet<string>(StringComparer.Ordinal);
        var childHasDefault = false;
        foreach (var (name, value) in block)
        {
            var (schema, isRequired) = BuildField(value, $"{path}.{name}", depth + 1);
            properties[name] = schema;
            childHasDefault |= schema.ContainsKey("default");
            if (isRequired)
            {
                required.Add(name);
            }
        }

        var result = new JsonObject { ["type"] = "object", ["properties"] = properties };
        if (required.Count > 0)
        {
            result["required"] = new JsonArray([.. required.Select(r => (JsonNode)JsonValue.Create(r))]);
        }
        else if (childHasDefault)
        {
            result["default"] = new JsonObject();
        }

        return result;
    }

    private (JsonObject Schema, bool Required) BuildField(JsonNode? value, string path, int depth)
    {
        switch (value)
        {
            case JsonObject nested:
                return (BuildObject(nested, path, depth), false);
            case JsonValue scalar when scalar.TryGetValue<string>(out var spec):
                try
                {
                    return BuildFromSpec(FieldSpec.Parse(spec));
                }
                catch (SimpleSchemaException ex)
                {
                    throw ex.At(path);
                }

            default:
                throw new SimpleSchemaException(
                    $"invalid field schema: expected a type string or a map, got {Describe(value)}", path);
        }
    }

    private (JsonObject Schema, bool Required) BuildFromSpec(FieldSpec spec)
    {
        var schema = spec.Type.Schema(types);
        // As in kro, a type declared with required=true makes the field required before the field's own markers
        // are applied, and a field's required=false cannot take that back.
        var inheritedRequired = spec.Type is CustomType custom && types.Resolve(custom.Name).Required;
        var required = MarkerApplier.Apply(schema, spec.Markers);
        return (schema, inheritedRequired || required == true);
    }

    private static string Describe(JsonNode? value) => value switch
    {
        null => "null",
        JsonArray => "a list",
        _ => value.GetValueKind().ToString().ToLowerInvariant(),
    };
}
