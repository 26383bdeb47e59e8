using System.ComponentModel;
using System.Text.Json.Serialization;

namespace OciOperator.Mysql.Api;

/// <summary>What happens to backups and the DB system on deletion.</summary>
[Description("What happens to backups and the DB system on deletion.")]
public sealed record DbSystemDeletionPolicy
{
    /// <summary>DELETE or RETAIN automatic backups when the DB system is deleted.</summary>
    [JsonPropertyName("automaticBackupRetention")]
    [Description("DELETE or RETAIN automatic backups when the DB system is deleted.")]
    public string? AutomaticBackupRetention { get; init; }

    /// <summary>REQUIRE_FINAL_BACKUP or SKIP_FINAL_BACKUP.</summary>
    [JsonPropertyName("finalBackup")]
    [Description("REQUIRE_FINAL_BACKUP or SKIP_FINAL_BACKUP.")]
    public string? FinalBackup { get; init; }

    /// <summary>When true, OCI refuses to delete the DB system.</summary>
    [JsonPropertyName("isDeleteProtected")]
    [Description("When true, OCI refuses to delete the DB system.")]
    public bool? IsDeleteProtected { get; init; }
}
