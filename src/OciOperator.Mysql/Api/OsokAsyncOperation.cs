using System.ComponentModel;
using System.ComponentModel.DataAnnotations;
using System.Text.Json.Serialization;

namespace OciOperator.Mysql.Api;

/// <summary>The OCI operation in progress (OSOK <c>async.current</c>).</summary>
[Description("The OCI operation in progress (OSOK async.current).")]
public sealed record OsokAsyncOperation
{
    /// <summary>Where progress is read from: none, lifecycle or workrequest.</summary>
    [JsonPropertyName("source")]
    [AllowedValues("none", "lifecycle", "workrequest")]
    [Description("Where progress is read from: none, lifecycle or workrequest.")]
    public string? Source { get; init; }

    /// <summary>create, update or delete.</summary>
    [JsonPropertyName("phase")]
    [AllowedValues("create", "update", "delete")]
    [Description("create, update or delete.")]
    public string? Phase { get; init; }

    /// <summary>OCID of the OCI work request, when tracked.</summary>
    [JsonPropertyName("workRequestId")]
    [Description("OCID of the OCI work request, when tracked.")]
    public string? WorkRequestId { get; init; }

    /// <summary>OCI status or lifecycle state as reported.</summary>
    [JsonPropertyName("rawStatus")]
    [Description("OCI status or lifecycle state as reported.")]
    public string? RawStatus { get; init; }

    /// <summary>OCI operation type as reported.</summary>
    [JsonPropertyName("rawOperationType")]
    [Description("OCI operation type as reported.")]
    public string? RawOperationType { get; init; }

    /// <summary>pending, succeeded, failed, canceled, attention or unknown.</summary>
    [JsonPropertyName("normalizedClass")]
    [AllowedValues("pending", "succeeded", "failed", "canceled", "attention", "unknown")]
    [Description("pending, succeeded, failed, canceled, attention or unknown.")]
    public string? NormalizedClass { get; init; }

    /// <summary>Progress, 0 to 100.</summary>
    [JsonPropertyName("percentComplete")]
    [Range(0, 100)]
    [Description("Progress, 0 to 100.")]
    public int? PercentComplete { get; init; }

    /// <summary>Progress detail.</summary>
    [JsonPropertyName("message")]
    [Description("Progress detail.")]
    public string? Message { get; init; }

    /// <summary>When this record was last updated.</summary>
    [JsonPropertyName("updatedAt")]
    [Description("When this record was last updated.")]
    public DateTimeOffset? UpdatedAt { get; init; }
}
