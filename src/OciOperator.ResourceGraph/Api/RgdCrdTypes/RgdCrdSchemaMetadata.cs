using System.ComponentModel;
using System.Text.Json.Serialization;

namespace OciOperator.ResourceGraph.Api.RgdCrdTypes;

/// <summary><c>spec.schema.metadata</c>: labels and annotations for the generated CRD.</summary>
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
}
