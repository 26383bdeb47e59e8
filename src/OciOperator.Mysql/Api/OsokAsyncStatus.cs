using System.ComponentModel;
using System.Text.Json.Serialization;

namespace OciOperator.Mysql.Api;

/// <summary>Asynchronous OCI operation tracking (OSOK <c>status.status.async</c>).</summary>
[Description("Asynchronous OCI operation tracking (OSOK status.status.async).")]
public sealed record OsokAsyncStatus
{
    /// <summary>The operation in progress, if any.</summary>
    [JsonPropertyName("current")]
    [Description("The operation in progress, if any.")]
    public OsokAsyncOperation? Current { get; init; }
}
