using System.Text.Json.Nodes;
using OciOperator.Sandbox.Kube.Schema;

namespace OciOperator.Sandbox.Kube.Validation;

/// <summary>
/// Walks a structural schema and its JSON together, compiling the rules of every node with the node's cardinality
/// (how many times it can occur: the product of the enclosing lists' <c>maxItems</c> and maps' <c>maxProperties</c>,
/// or what fits in a request when unbounded) and whether old values can be correlated there (not inside lists other
/// than <c>x-kubernetes-list-type: map</c>).
/// </summary>
internal sealed class SchemaRuleWalker(string rootPath, bool collectErrors)
{
    private const int MaxDepth = StructuralSchema.MaxDepth;

    public List<FieldError> Errors { get; } = [];

    public List<RuleCompiler.ExpressionCost> Costs { get; } = [];

    public SchemaRules? Walk(StructuralSchema schema, JsonObject json) => Walk(schema, json, rootPath, isRoot: true, 1, null, 0);

    private SchemaRules? Walk(StructuralSchema schema, JsonObject json, string path, bool isRoot, long cardinality, string? uncorrelatable, int depth)
    {
        if (depth > MaxDepth)
        {
            return null;
        }

        IReadOnlyList<CompiledRule> rules = [];
        if (schema.ValidationRules.Count > 0)
        {
            var compiled = RuleCompiler.Compile(schema, json, isRoot, path, cardinality, uncorrelatable);
            rules = compiled.Rules;
            if (collectErrors)
            {
                Errors.AddRange(compiled.Errors);
                Costs.AddRange(compiled.Costs);
            }
        }

        var properties = new Dictionary<string, SchemaRules>(StringComparer.Ordinal);
        if (json["properties"] is JsonObject propertiesJson)
        {
            foreach (var (name, child) in schema.Properties)
            {
                if (propertiesJson[name] is JsonObject childJson
                    && Walk(child, childJson, FieldPaths.Key(path + ".properties", name), false, cardinality, uncorrelatable, depth + 1) is { } node)
                {
                    properties[name] = node;
                }
            }
        }

        SchemaRules? additional = null;
        if (schema.AdditionalProperties is { } values && json["additionalProperties"] is JsonObject valuesJson)
        {
            var count = Bounded(schema.MaxProperties, values);
            additional = Walk(values, valuesJson, path + ".additionalProperties", false, RuleCompiler.Multiply(cardinality, count), uncorrelatable, depth + 1);
        }

        SchemaRules? items = null;
        if (schema.Items is { } itemSchema && json["items"] is JsonObject itemsJson)
        {
            var count = Bounded(schema.MaxItems, itemSchema);
            var itemsUncorrelatable = uncorrelatable ?? (schema.ListType == "map" ? null : path);
            items = Walk(itemSchema, itemsJson, path + ".items", false, RuleCompiler.Multiply(cardinality, count), itemsUncorrelatable, depth + 1);
        }

        return SchemaRules.Node(schema, rules, properties, additional, items);
    }

    /// <summary>The declared bound, or how many of the smallest element fit in a request.</summary>
    private static long Bounded(long? declared, StructuralSchema element) =>
        declared ?? CelValidationLimits.MaxRequestSizeBytes / MinSerializedSize(element);

    private static long MinSerializedSize(StructuralSchema element) => element.Type switch
    {
        "string" => 3,   // "",
        "array" or "object" => 3, // [], or {},
        "boolean" => 5,  // true,
        _ => 2,          // 0,
    };
}
