using System.ComponentModel;
using System.ComponentModel.DataAnnotations;
using System.Text.Json.Serialization;

namespace OciOperator.ResourceGraph.Api.RgdCrdTypes;

/// <summary><c>spec.resources[].externalRef</c>: an existing object read by the graph.</summary>
public sealed record RgdCrdExternalRef
{
    /// <summary>The object's API version (e.g. <c>v1</c>, <c>apps/v1</c>).</summary>
    [JsonPropertyName("apiVersion")]
    [Required]
    [Description("API version of the referenced object, e.g. v1 or apps/v1.")]
    public string ApiVersion { get; init; } = "";

    /// <summary>The object's kind.</summary>
    [JsonPropertyName("kind")]
    [Required]
    [Description("Kind of the referenced object.")]
    public string Kind { get; init; } = "";

    /// <summary>Which object(s): a name or a selector.</summary>
    [JsonPropertyName("metadata")]
    [Required]
    [Description("Which object: by name, or objects by label selector.")]
    public RgdCrdExternalRefMetadata Metadata { get; init; } = new();
}
