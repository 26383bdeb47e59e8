using System.ComponentModel;
using System.ComponentModel.DataAnnotations;
using System.Text.Json.Serialization;

namespace OciOperator.Mysql.Api;

/// <summary>The operator's own status of the resource (OSOK <c>OSOKStatus</c>, at <c>status.status</c>).</summary>
[Description("The operator's own status of the resource (OSOK OSOKStatus, at status.status).")]
public sealed record OsokStatus
{
    /// <summary>Conditions, one entry per type, the current state last (printer column <c>conditions[-1].type</c>).</summary>
    [JsonPropertyName("conditions")]
    [Description("Conditions, one entry per type, the current state last (printer column conditions[-1].type).")]
    public IList<OsokCondition>? Conditions { get; init; }

    /// <summary>The OCI operation in progress.</summary>
    [JsonPropertyName("async")]
    [Description("The OCI operation in progress.")]
    public OsokAsyncStatus? Async { get; init; }

    /// <summary>opc-request-id of the last OCI call.</summary>
    [JsonPropertyName("opcRequestId")]
    [Description("opc-request-id of the last OCI call.")]
    public string? OpcRequestId { get; init; }

    /// <summary>OCID of the managed DB system.</summary>
    [JsonPropertyName("ocid")]
    [MinLength(1)]
    [MaxLength(255)]
    [Description("OCID of the managed DB system.")]
    public string? Ocid { get; init; }

    /// <summary>Last lifecycle or error message.</summary>
    [JsonPropertyName("message")]
    [Description("Last lifecycle or error message.")]
    public string? Message { get; init; }

    /// <summary>Name of the current condition (Active, Failed, ...).</summary>
    [JsonPropertyName("reason")]
    [Description("Name of the current condition (Active, Failed, ...).")]
    public string? Reason { get; init; }

    /// <summary>When the OCID was first known.</summary>
    [JsonPropertyName("createdAt")]
    [Description("When the OCID was first known.")]
    public DateTimeOffset? CreatedAt { get; init; }

    /// <summary>When the status was last updated.</summary>
    [JsonPropertyName("updatedAt")]
    [Description("When the status was last updated.")]
    public DateTimeOffset? UpdatedAt { get; init; }

    /// <summary>When the last OCI request was sent.</summary>
    [JsonPropertyName("requestedAt")]
    [Description("When the last OCI request was sent.")]
    public DateTimeOffset? RequestedAt { get; init; }

    /// <summary>When OCI deletion was confirmed.</summary>
    [JsonPropertyName("deletedAt")]
    [Description("When OCI deletion was confirmed.")]
    public DateTimeOffset? DeletedAt { get; init; }
}
