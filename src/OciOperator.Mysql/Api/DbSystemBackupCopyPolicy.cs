using System.ComponentModel;
using System.ComponentModel.DataAnnotations;
using System.Text.Json.Serialization;

namespace OciOperator.Mysql.Api;

/// <summary>Copies automatic backups to another region.</summary>
[Description("Copies automatic backups to another region.")]
public sealed record DbSystemBackupCopyPolicy
{
    /// <summary>Destination region identifier, e.g. <c>us-phoenix-1</c>.</summary>
    [JsonPropertyName("copyToRegion")]
    [Required]
    [Description("Destination region identifier, e.g. us-phoenix-1.")]
    public string CopyToRegion { get; init; } = "";

    /// <summary>Days the copied backups are kept.</summary>
    [JsonPropertyName("backupCopyRetentionInDays")]
    [Range(1, 35)]
    [Description("Days the copied backups are kept.")]
    public int? BackupCopyRetentionInDays { get; init; }
}
