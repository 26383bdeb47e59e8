using System.ComponentModel;
using System.Text.Json.Serialization;
using OciOperator.Schemas.Crd;

namespace OciOperator.Mysql.Api;

/// <summary>
/// The source a DB system is created from; <c>sourceType</c> selects which other fields apply: <c>NONE</c>,
/// <c>BACKUP</c> (<c>backupId</c>), <c>PITR</c> (<c>dbSystemId</c>, <c>recoveryPoint</c>) or <c>IMPORTURL</c>
/// (<c>sourceUrl</c>).
/// </summary>
[Description(
    "The source a DB system is created from; sourceType selects which other fields apply: NONE, BACKUP " +
    "(backupId), PITR (dbSystemId, recoveryPoint) or IMPORTURL (sourceUrl).")]
public sealed record DbSystemSource
{
    /// <summary>NONE, BACKUP, PITR or IMPORTURL.</summary>
    [JsonPropertyName("sourceType")]
    [Description("NONE, BACKUP, PITR or IMPORTURL.")]
    public string? SourceType { get; init; }

    /// <summary>Raw JSON of the source (kept for OSOK compatibility; not sent to OCI).</summary>
    [JsonPropertyName("jsonData")]
    [Description("Raw JSON of the source (kept for OSOK compatibility; not sent to OCI).")]
    public string? JsonData { get; init; }

    /// <summary>OCID of the backup to restore (BACKUP).</summary>
    [JsonPropertyName("backupId")]
    [Description("OCID of the backup to restore (BACKUP).")]
    public string? BackupId { get; init; }

    /// <summary>Pre-authenticated URL of the dump to import (IMPORTURL).</summary>
    [JsonPropertyName("sourceUrl")]
    [Description("Pre-authenticated URL of the dump to import (IMPORTURL).")]
    public string? SourceUrl { get; init; }

    /// <summary>OCID of the DB system to recover from (PITR); not a binding to an existing DB system.</summary>
    [JsonPropertyName("dbSystemId")]
    [Description("OCID of the DB system to recover from (PITR); not a binding to an existing DB system.")]
    public string? DbSystemId { get; init; }

    /// <summary>RFC 3339 time to recover to (PITR); the latest point when omitted.</summary>
    [JsonPropertyName("recoveryPoint")]
    [CrdFormat("date-time")]
    [Description("RFC 3339 time to recover to (PITR); the latest point when omitted.")]
    public string? RecoveryPoint { get; init; }
}
