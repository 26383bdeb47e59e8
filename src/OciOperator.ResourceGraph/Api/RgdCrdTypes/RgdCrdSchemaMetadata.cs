using System.ComponentModel;
using System.Text.Json.Serialization;

namespace OciOperator.ResourceGraph.Api.RgdCrdTypes;

/// <summary><c>spec.schema.metadata</c>: labels and annotations for the generated CRD, and rules for instance names.</summary>
public sealed record RgdCrdSchemaMetadata
{
    /// <summary>Labels of the generated CRD.</summary>
    [JsonPropertyName("labels")]
    [Description("Labels of the generated CRD.")]
    public IDictionary<string, string>? Labels { get; init; }

    /// <summary>Annotations of the generated CRD.</summary>
    [JsonPropertyName("annotations")]
    [Description("Annotations of the generated CRD.")]
    public IDictionary<string, string>? Annotations { get; init; }

    /// <summary>Marker-only SimpleSchema for instance names (kro v0.10): minLength, maxLength, pattern, enum, validation.</summary>
    [JsonPropertyName("nameValidation")]
    [Description("Marker-only SimpleSchema rules for the metadata.name of instances (minLength, maxLength, pattern, enum, validation), e.g. maxLength=30 pattern=\"^[a-z][a-z0-9-]*$\".")]
    public string? NameValidation { get; init; }
}
