using System.ComponentModel;
using System.ComponentModel.DataAnnotations;
using System.Text.Json.Serialization;

namespace OciOperator.Mysql.Api;

/// <summary>One condition of <c>status.status.conditions</c>: one entry per type, the current state last.</summary>
[Description("One condition of status.status.conditions: one entry per type, the current state last.")]
public sealed record OsokCondition
{
    /// <summary>
    /// Condition type: Provisioning, Updating, Active, Failed, Terminating or Ready (see DbSystemConditionType).
    /// </summary>
    [JsonPropertyName("type")]
    [Required]
    [Description("Condition type: Provisioning, Updating, Active, Failed, Terminating or Ready (see DbSystemConditionType).")]
    public string Type { get; init; } = "";

    /// <summary>True, False or Unknown.</summary>
    [JsonPropertyName("status")]
    [Required]
    [Description("True, False or Unknown.")]
    public string Status { get; init; } = "";

    /// <summary>When the condition last changed status.</summary>
    [JsonPropertyName("lastTransitionTime")]
    [Description("When the condition last changed status.")]
    public DateTimeOffset? LastTransitionTime { get; init; }

    /// <summary>Human-readable detail.</summary>
    [JsonPropertyName("message")]
    [Description("Human-readable detail.")]
    public string? Message { get; init; }

    /// <summary>Machine-readable reason (CamelCase).</summary>
    [JsonPropertyName("reason")]
    [Description("Machine-readable reason (CamelCase).")]
    public string? Reason { get; init; }
}
