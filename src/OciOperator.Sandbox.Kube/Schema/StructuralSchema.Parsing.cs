using System.Text.Json;
using System.Text.Json.Nodes;

namespace OciOperator.Sandbox.Kube.Schema;

/// <summary>Parsing of the JSON schema keywords into the node tree.</summary>
internal sealed partial class StructuralSchema
{
    /// <summary>Deeper schemas are truncated (hostile input must not overflow the stack).</summary>
    internal const int MaxDepth = 64;

    private static StructuralSchema ParseNode(JsonObject? node, int depth)
    {
        if (node is null || depth > MaxDepth)
        {
            return new StructuralSchema();
        }

        var order = new List<string>();
        var properties = new Dictionary<string, StructuralSchema>(StringComparer.Ordinal);
        if (node["properties"] is JsonObject props)
        {
            foreach (var (name, value) in props)
            {
                order.Add(name);
                properties[name] = ParseNode(value as JsonObject, depth + 1);
            }
        }

        StructuralSchema? additional = null;
        var additionalAllowed = false;
        switch (node["additionalProperties"])
        {
            case JsonObject schema:
                additional = ParseNode(schema, depth + 1);
                break;
            case JsonValue v when v.GetValueKind() == JsonValueKind.True:
                additionalAllowed = true;
                break;
        }

        return new StructuralSchema
        {
            Type = String(node, "type"),
            Format = String(node, "format"),
            Description = String(node, "description"),
            Properties = properties,
            PropertyOrder = order,
            Items = node["items"] is JsonObject items ? ParseNode(items, depth + 1) : null,
            AdditionalProperties = additional,
            AdditionalPropertiesAllowed = additionalAllowed,
            Required = Strings(node, "required"),
            Enum = node["enum"] is JsonArray e ? e.Select(x => x?.DeepClone()).ToList() : null,
            Minimum = Double(node, "minimum"),
            Maximum = Double(node, "maximum"),
            ExclusiveMinimum = Bool(node, "exclusiveMinimum"),
            ExclusiveMaximum = Bool(node, "exclusiveMaximum"),
            MultipleOf = Double(node, "multipleOf"),
            Pattern = String(node, "pattern"),
            MinLength = Long(node, "minLength"),
            MaxLength = Long(node, "maxLength"),
            MinItems = Long(node, "minItems"),
            MaxItems = Long(node, "maxItems"),
            MinProperties = Long(node, "minProperties"),
            MaxProperties = Long(node, "maxProperties"),
            UniqueItems = Bool(node, "uniqueItems"),
            Nullable = Bool(node, "nullable"),
            HasDefault = node.ContainsKey("default"),
            Default = node["default"]?.DeepClone(),
            PreserveUnknownFields = Bool(node, "x-kubernetes-preserve-unknown-fields"),
            IntOrString = Bool(node, "x-kubernetes-int-or-string"),
            EmbeddedResource = Bool(node, "x-kubernetes-embedded-resource"),
            ListType = String(node, "x-kubernetes-list-type"),
            ListMapKeys = Strings(node, "x-kubernetes-list-map-keys"),
            MapType = String(node, "x-kubernetes-map-type"),
            ValidationRules = Rules(node),
            AllOf = Schemas(node, "allOf", depth),
            AnyOf = Schemas(node, "anyOf", depth),
            OneOf = Schemas(node, "oneOf", depth),
            Not = node["not"] is JsonObject not ? ParseNode(not, depth + 1) : null,
        };
    }

    private static List<StructuralSchema> Schemas(JsonObject node, string key, int depth) =>
        node[key] is JsonArray array ? array.Select(x => ParseNode(x as JsonObject, depth + 1)).ToList() : [];

    private static List<SchemaValidationRule> Rules(JsonObject node)
    {
        if (node["x-kubernetes-validations"] is not JsonArray array)
        {
            return [];
        }

        var rules = new List<SchemaValidationRule>();
        foreach (var item in array.OfType<JsonObject>())
        {
            var rule = String(item, "rule");
            if (rule is null)
            {
                continue;
            }

            rules.Add(new SchemaValidationRule(
                rule,
                String(item, "message"),
                String(item, "messageExpression"),
                String(item, "reason"),
                String(item, "fieldPath"),
                Bool(item, "optionalOldSelf")));
        }

        return rules;
    }

    private static string? String(JsonObject node, string key) =>
        node[key] is JsonValue v && v.GetValueKind() == JsonValueKind.String ? v.GetValue<string>() : null;

    private static bool Bool(JsonObject node, string key) =>
        node[key] is JsonValue v && v.GetValueKind() == JsonValueKind.True;

    private static double? Double(JsonObject node, string key) =>
        node[key] is JsonValue v && v.GetValueKind() == JsonValueKind.Number ? JsonNumber.ToDouble(v) : null;

    private static long? Long(JsonObject node, string key) =>
        node[key] is JsonValue v && v.GetValueKind() == JsonValueKind.Number
            ? JsonNumber.TryGetInt64(v, out var l) ? l : (long)JsonNumber.ToDouble(v)
            : null;

    private static List<string> Strings(JsonObject node, string key) =>
        node[key] is JsonArray array
            ? array.OfType<JsonValue>().Where(v => v.GetValueKind() == JsonValueKind.String).Select(v => v.GetValue<string>()).ToList()
            : [];
}
