using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace OciOperator.Sandbox.Kube.Schema;

/// <summary>
/// One node of a CRD's <c>openAPIV3Schema</c>, parsed once and shared by the validator, pruner and defaulter.
/// Parsing is lenient: keywords of the wrong JSON type are ignored here and reported by <see cref="CrdSchemaChecker"/>.
/// </summary>
internal sealed partial class StructuralSchema
{
    private static readonly IReadOnlyDictionary<string, StructuralSchema> NoProperties = new Dictionary<string, StructuralSchema>();
    private readonly Lazy<Regex?> _patternRegex;

    private StructuralSchema()
    {
        _patternRegex = new Lazy<Regex?>(CompilePattern);
    }

    public string? Type { get; private init; }

    public string? Format { get; private init; }

    public string? Description { get; private init; }

    /// <summary>Declared properties in document order.</summary>
    public IReadOnlyDictionary<string, StructuralSchema> Properties { get; private init; } = NoProperties;

    public IReadOnlyList<string> PropertyOrder { get; private init; } = [];

    public StructuralSchema? Items { get; private init; }

    /// <summary>The schema of <c>additionalProperties</c> when it is a schema.</summary>
    public StructuralSchema? AdditionalProperties { get; private init; }

    /// <summary><c>additionalProperties: true</c> (any value, not pruned).</summary>
    public bool AdditionalPropertiesAllowed { get; private init; }

    public IReadOnlyList<string> Required { get; private init; } = [];

    public IReadOnlyList<JsonNode?>? Enum { get; private init; }

    public double? Minimum { get; private init; }

    public double? Maximum { get; private init; }

    public bool ExclusiveMinimum { get; private init; }

    public bool ExclusiveMaximum { get; private init; }

    public double? MultipleOf { get; private init; }

    public string? Pattern { get; private init; }

    public long? MinLength { get; private init; }

    public long? MaxLength { get; private init; }

    public long? MinItems { get; private init; }

    public long? MaxItems { get; private init; }

    public long? MinProperties { get; private init; }

    public long? MaxProperties { get; private init; }

    public bool UniqueItems { get; private init; }

    public bool Nullable { get; private init; }

    /// <summary>The default, or null when there is none (see <see cref="HasDefault"/>).</summary>
    public JsonNode? Default { get; private init; }

    public bool HasDefault { get; private init; }

    public bool PreserveUnknownFields { get; private init; }

    public bool IntOrString { get; private init; }

    public bool EmbeddedResource { get; private init; }

    /// <summary><c>atomic</c>, <c>set</c> or <c>map</c> (null when not given).</summary>
    public string? ListType { get; private init; }

    public IReadOnlyList<string> ListMapKeys { get; private init; } = [];

    /// <summary><c>atomic</c> or <c>granular</c> (null when not given).</summary>
    public string? MapType { get; private init; }

    public IReadOnlyList<SchemaValidationRule> ValidationRules { get; private init; } = [];

    public IReadOnlyList<StructuralSchema> AllOf { get; private init; } = [];

    public IReadOnlyList<StructuralSchema> AnyOf { get; private init; } = [];

    public IReadOnlyList<StructuralSchema> OneOf { get; private init; } = [];

    public StructuralSchema? Not { get; private init; }

    /// <summary>The compiled <see cref="Pattern"/> (RE2-like linear-time engine), or null if absent or invalid.</summary>
    public Regex? PatternRegex => _patternRegex.Value;

    /// <summary>Parses an <c>openAPIV3Schema</c> node (an object; anything else yields an empty schema).</summary>
    public static StructuralSchema Parse(JsonNode openApiV3Schema)
    {
        ArgumentNullException.ThrowIfNull(openApiV3Schema);
        return ParseNode(openApiV3Schema as JsonObject, depth: 0);
    }

    /// <summary>Looks up the schema of one child field of an object value (declared or additionalProperties).</summary>
    public StructuralSchema? PropertySchema(string name) =>
        Properties.TryGetValue(name, out var declared) ? declared : AdditionalProperties;

    /// <summary>Tries to compile a pattern with the engine used for validation; returns the error text on failure.</summary>
    public static bool TryCompilePattern(string pattern, out Regex? regex, out string error)
    {
        try
        {
            regex = new Regex(pattern, RegexOptions.NonBacktracking | RegexOptions.CultureInvariant);
            error = "";
            return true;
        }
        catch (ArgumentException ex)
        {
            regex = null;
            error = ex.Message;
            return false;
        }
        catch (NotSupportedException ex)
        {
            regex = null;
            error = ex.Message;
            return false;
        }
    }

    private Regex? CompilePattern() =>
        Pattern is not null && TryCompilePattern(Pattern, out var regex, out _) ? regex : null;
}
