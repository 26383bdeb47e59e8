using System.Text.Json.Nodes;

namespace OciOperator.ResourceGraph.Crd;

/// <summary>An RGD's <c>spec.schema</c> (kro §1.2), as read by <see cref="RgdSchemaReader"/>.</summary>
public sealed record RgdSchema
{
    public const string DefaultGroup = "kro.run";

    public required string Kind { get; init; }

    /// <summary>Only the version (<c>v1alpha1</c>), not group/version.</summary>
    public required string ApiVersion { get; init; }

    public string Group { get; init; } = DefaultGroup;

    /// <summary><c>schema.plural</c> (kro v0.10): overrides the English plural of the kind; null when unset.</summary>
    public string? Plural { get; init; }

    /// <summary>The instance resource's plural: <see cref="Plural"/>, else the English plural of the lower-case kind.</summary>
    public string PluralName => Plural ?? EnglishPluralizer.Pluralize(Kind.ToLowerInvariant());

    /// <summary><c>Namespaced</c> or <c>Cluster</c>.</summary>
    public string Scope { get; init; } = "Namespaced";

    /// <summary>The SimpleSchema of the instance's <c>spec</c>; null when the RGD has none.</summary>
    public JsonObject? Spec { get; init; }

    /// <summary>Custom types (<c>schema.types</c>).</summary>
    public JsonObject? Types { get; init; }

    /// <summary>The status expressions (<c>schema.status</c>), kept for later stages.</summary>
    public JsonObject? Status { get; init; }

    /// <summary>Printer columns; when set they replace the default State/Ready/Age columns.</summary>
    public JsonArray? AdditionalPrinterColumns { get; init; }

    public IReadOnlyList<string> ShortNames { get; init; } = [];

    public IReadOnlyList<string> Categories { get; init; } = [];

    public IReadOnlyDictionary<string, string> Labels { get; init; } = new Dictionary<string, string>();

    public IReadOnlyDictionary<string, string> Annotations { get; init; } = new Dictionary<string, string>();

    /// <summary><c>schema.metadata.nameValidation</c> as written; null when unset.</summary>
    public string? NameValidation { get; init; }

    /// <summary>The OpenAPI schema of the instance's <c>metadata.name</c> compiled from <see cref="NameValidation"/>; null when unset.</summary>
    public JsonObject? NameSchema { get; init; }
}
