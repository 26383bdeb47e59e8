using System.ComponentModel;
using System.Text.Json.Serialization;

namespace OciOperator.Mysql.Api;

/// <summary>The observed source of the DB system (no <c>sourceUrl</c>: OCI does not return it).</summary>
[Description("The observed source of the DB system (no sourceUrl: OCI does not return it).")]
public sealed record DbSystemSourceStatus
{
    /// <summary>NONE, BACKUP, PITR or IMPORTURL.</summary>
    [JsonPropertyName("sourceType")]
    [Description("NONE, BACKUP, PITR or IMPORTURL.")]
    public string? SourceType { get; init; }

    /// <summary>OCID of the restored backup (BACKUP).</summary>
    [JsonPropertyName("backupId")]
    [Description("OCID of the restored backup (BACKUP).")]
    public string? BackupId { get; init; }

    /// <summary>OCID of the DB system recovered from (PITR).</summary>
    [JsonPropertyName("dbSystemId")]
    [Description("OCID of the DB system recovered from (PITR).")]
    public string? DbSystemId { get; init; }

    /// <summary>Time recovered to (PITR).</summary>
    [JsonPropertyName("recoveryPoint")]
    [Description("Time recovered to (PITR).")]
    public DateTimeOffset? RecoveryPoint { get; init; }
}
