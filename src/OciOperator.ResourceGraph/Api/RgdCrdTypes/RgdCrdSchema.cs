using System.ComponentModel;
using System.ComponentModel.DataAnnotations;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using OciOperator.Schemas.Crd;

namespace OciOperator.ResourceGraph.Api.RgdCrdTypes;

/// <summary><c>spec.schema</c> (kro.md §1.2): the generated instance CRD's identity and SimpleSchema.</summary>
public sealed record RgdCrdSchema
{
    private const string NamePattern = "^[a-z]([-a-z0-9]*[a-z0-9])?$";

    /// <summary>The instance kind.</summary>
    [JsonPropertyName("kind")]
    [Required]
    [RegularExpression("^[A-Z][a-zA-Z0-9]{0,62}$")]
    [CrdValidation("self == oldSelf", Message = "kind is immutable")]
    [Description("The kind of the instance resource (UpperCamelCase).")]
    public string Kind { get; init; } = "";

    /// <summary>The instance version (not group/version).</summary>
    [JsonPropertyName("apiVersion")]
    [Required]
    [RegularExpression("^v[0-9]+(alpha[0-9]+|beta[0-9]+)?$")]
    [CrdValidation("self == oldSelf", Message = "apiVersion is immutable")]
    [Description("The version of the instance API, e.g. v1alpha1.")]
    public string ApiVersion { get; init; } = "";

    /// <summary>The instance API group (kro.run when unset).</summary>
    [JsonPropertyName("group")]
    [DefaultValue("kro.run")]
    [CrdValidation("self == oldSelf", Message = "group is immutable")]
    [Description("The API group of the instance resource; kro.run when unset.")]
    public string? Group { get; init; }

    /// <summary>The instance resource's plural (kro v0.10); the English plural of the kind when unset.</summary>
    [JsonPropertyName("plural")]
    [MaxLength(63)]
    [RegularExpression(NamePattern)]
    [CrdValidation("self == oldSelf", Message = "plural is immutable")]
    [Description("The plural name of the instance resource (a lowercase RFC 1035 label); the English plural of the lower-case kind when unset.")]
    public string? Plural { get; init; }

    /// <summary>The instance scope.</summary>
    [JsonPropertyName("scope")]
    [CrdValidation("self == oldSelf", Message = "scope is immutable")]
    [Description("The scope of the instance resource: Namespaced (default) or Cluster.")]
    public RgdCrdScope? Scope { get; init; }

    /// <summary>SimpleSchema of the instance spec.</summary>
    [JsonPropertyName("spec")]
    [CrdPreserveUnknownFields]
    [Description("The SimpleSchema of the instance spec.")]
    public JsonObject? Spec { get; init; }

    /// <summary>Status fields of the instance as <c>${...}</c> expressions.</summary>
    [JsonPropertyName("status")]
    [CrdPreserveUnknownFields]
    [Description("The instance status fields, each a ${...} expression over the resources.")]
    public JsonObject? Status { get; init; }

    /// <summary>Custom SimpleSchema types, referenced by name in <see cref="Spec"/>.</summary>
    [JsonPropertyName("types")]
    [CrdPreserveUnknownFields]
    [Description("Custom SimpleSchema types, referenced by name in spec.")]
    public JsonObject? Types { get; init; }

    /// <summary>Printer columns of the instance CRD (replace the defaults).</summary>
    [JsonPropertyName("additionalPrinterColumns")]
    [Description("Printer columns of the instance CRD; when set they replace the default columns.")]
    public IList<RgdCrdPrinterColumn>? AdditionalPrinterColumns { get; init; }

    /// <summary>Labels and annotations copied onto the instance CRD.</summary>
    [JsonPropertyName("metadata")]
    [Description("Labels and annotations copied onto the generated CRD.")]
    public RgdCrdSchemaMetadata? Metadata { get; init; }

    /// <summary>Short names of the instance resource.</summary>
    [JsonPropertyName("shortNames")]
    [MaxLength(32)]
    [CrdItemMaxLength(63)]
    [CrdListType("set")]
    [RegularExpression(NamePattern)]
    [Description("Short names of the instance resource.")]
    public IList<string>? ShortNames { get; init; }

    /// <summary>Categories of the instance resource.</summary>
    [JsonPropertyName("categories")]
    [MaxLength(32)]
    [CrdItemMaxLength(63)]
    [CrdListType("set")]
    [RegularExpression(NamePattern)]
    [Description("Categories of the instance resource.")]
    public IList<string>? Categories { get; init; }
}
