using System.ComponentModel;
using System.ComponentModel.DataAnnotations;
using System.Text.Json.Serialization;

namespace OciOperator.Mysql.Api;

/// <summary>
/// A condition in the standard Kubernetes shape (<c>metav1.Condition</c>) at <c>status.conditions</c>, so generic
/// tools work: <c>kubectl wait --for=condition=Ready dbsystem/NAME</c>.
/// </summary>
[Description("A condition in the standard Kubernetes shape (metav1.Condition), so generic tools such as kubectl wait --for=condition=Ready work.")]
public sealed record StandardCondition
{
    /// <summary>The condition type (<c>Ready</c>).</summary>
    [JsonPropertyName("type")]
    [Required]
    [Description("The condition type (Ready).")]
    public string Type { get; init; } = "";

    /// <summary>True, False or Unknown.</summary>
    [JsonPropertyName("status")]
    [Required]
    [AllowedValues("True", "False", "Unknown")]
    [Description("True, False or Unknown.")]
    public string Status { get; init; } = "";

    /// <summary>The generation the condition was set for.</summary>
    [JsonPropertyName("observedGeneration")]
    [Description("The metadata.generation the condition was set for.")]
    public long? ObservedGeneration { get; init; }

    /// <summary>When the status last changed.</summary>
    [JsonPropertyName("lastTransitionTime")]
    [Required]
    [Description("When the status last changed.")]
    public DateTimeOffset LastTransitionTime { get; init; }

    /// <summary>Machine-readable reason (CamelCase).</summary>
    [JsonPropertyName("reason")]
    [Required]
    [Description("Machine-readable reason (CamelCase).")]
    public string Reason { get; init; } = "";

    /// <summary>Human-readable detail.</summary>
    [JsonPropertyName("message")]
    [Required]
    [Description("Human-readable detail.")]
    public string Message { get; init; } = "";
}
