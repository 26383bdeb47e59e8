using System.Text.Json.Nodes;

namespace OciOperator.ResourceGraph.SimpleSchema;

/// <summary>
/// The entry point of SimpleSchema: an RGD's <c>schema.spec</c> (and <c>schema.types</c>) as a parsed YAML/JSON tree
/// → the OpenAPI v3 schema of the instance's <c>spec</c>.
/// </summary>
internal static class SimpleSchemaConverter
{
    public static JsonObject ToOpenApi(JsonNode? spec, JsonNode? types = null)
    {
        var typeDefinitions = types switch
        {
            null => null,
            JsonObject map => map,
            _ => throw new SimpleSchemaException("types must be a map of type name to definition", "types"),
        };
        var block = spec switch
        {
            null => [],
            JsonObject map => map,
            _ => throw new SimpleSchemaException("spec must be a map of field name to field spec", "spec"),
        };
        var registry = CustomTypeBuilder.Build(typeDefinitions);
        return new SchemaTransformer(registry).BuildObject(block, "spec");
    }
}
