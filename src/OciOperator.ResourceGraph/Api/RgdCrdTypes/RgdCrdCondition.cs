using System.ComponentModel;
using System.ComponentModel.DataAnnotations;
using System.Text.Json.Serialization;

namespace OciOperator.ResourceGraph.Api.RgdCrdTypes;

/// <summary>A <c>metav1.Condition</c> of an RGD.</summary>
public sealed record RgdCrdCondition
{
    /// <summary>The condition type.</summary>
    [JsonPropertyName("type")]
    [Required]
    [Description("The condition type.")]
    public string Type { get; init; } = "";

    /// <summary>True, False or Unknown.</summary>
    [JsonPropertyName("status")]
    [Required]
    [AllowedValues("True", "False", "Unknown")]
    [Description("True, False or Unknown.")]
    public string Status { get; init; } = "";

    /// <summary>When the status last changed.</summary>
    [JsonPropertyName("lastTransitionTime")]
    [Description("When the status last changed.")]
    public DateTimeOffset? LastTransitionTime { get; init; }

    /// <summary>A CamelCase reason.</summary>
    [JsonPropertyName("reason")]
    [Description("A CamelCase reason for the last transition.")]
    public string? Reason { get; init; }

    /// <summary>A human-readable message.</summary>
    [JsonPropertyName("message")]
    [Description("A human-readable message.")]
    public string? Message { get; init; }

    /// <summary>The generation the condition was set for.</summary>
    [JsonPropertyName("observedGeneration")]
    [Description("The generation the condition was computed for.")]
    public long? ObservedGeneration { get; init; }
}
