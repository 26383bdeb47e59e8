using System.Text.Json.Nodes;
using OciOperator.Sandbox.Kube.Schema;

namespace OciOperator.Sandbox.Kube.Validation;

/// <summary>
/// The compiled <c>x-kubernetes-validations</c> of one CRD version's schema, as a tree that mirrors the schema but
/// keeps only the nodes with rules at or below them. Built once per CRD version (when the version is served) and
/// evaluated on every write by <see cref="RuleValidator"/>.
/// </summary>
internal sealed class SchemaRules
{
    private static readonly IReadOnlyDictionary<string, SchemaRules> NoProperties = new Dictionary<string, SchemaRules>();

    private SchemaRules(StructuralSchema schema)
    {
        Schema = schema;
    }

    public StructuralSchema Schema { get; }

    public IReadOnlyList<CompiledRule> Rules { get; private set; } = [];

    public IReadOnlyDictionary<string, SchemaRules> Properties { get; private set; } = NoProperties;

    public SchemaRules? AdditionalProperties { get; private set; }

    public SchemaRules? Items { get; private set; }

    /// <summary>The type name the apiserver prints for a failed rule's value (<c>object</c>, <c>array</c>, <c>string</c>, ...).</summary>
    public string TypeName => Schema.Type ?? (Schema.IntOrString ? "" : "object");

    /// <summary>Compiles every rule of a version's schema; null when it has none. Rules that fail to compile are left out
    /// (the CRD was refused for them, see <see cref="CrdRuleChecker"/>).</summary>
    public static SchemaRules? Build(StructuralSchema schema, JsonObject openApiV3Schema)
    {
        ArgumentNullException.ThrowIfNull(schema);
        ArgumentNullException.ThrowIfNull(openApiV3Schema);
        var walker = new SchemaRuleWalker("", collectErrors: false);
        return walker.Walk(schema, openApiV3Schema);
    }

    /// <summary>Used by <see cref="SchemaRuleWalker"/> to assemble a node.</summary>
    internal static SchemaRules? Node(StructuralSchema schema, IReadOnlyList<CompiledRule> rules, Dictionary<string, SchemaRules> properties, SchemaRules? additional, SchemaRules? items)
    {
        if (rules.Count == 0 && properties.Count == 0 && additional is null && items is null)
        {
            return null;
        }

        return new SchemaRules(schema)
        {
            Rules = rules,
            Properties = properties.Count == 0 ? NoProperties : properties,
            AdditionalProperties = additional,
            Items = items,
        };
    }
}
