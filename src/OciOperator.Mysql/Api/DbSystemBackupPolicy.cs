using System.ComponentModel.DataAnnotations;
using System.ComponentModel;
using System.Text.Json.Serialization;

namespace OciOperator.Mysql.Api;

/// <summary>The automatic backup policy of a DB system.</summary>
[Description("The automatic backup policy of a DB system.")]
public sealed record DbSystemBackupPolicy
{
    /// <summary>Enables automatic backups.</summary>
    [JsonPropertyName("isEnabled")]
    [Description("Enables automatic backups.")]
    public bool? IsEnabled { get; init; }

    /// <summary>Retains deleted backups for a grace period: <c>ENABLED</c> or <c>DISABLED</c>.</summary>
    [JsonPropertyName("softDelete")]
    [Description("Retains deleted backups for a grace period: ENABLED or DISABLED.")]
    public string? SoftDelete { get; init; }

    /// <summary>Cross-region copies of automatic backups.</summary>
    [JsonPropertyName("copyPolicies")]
    [Description("Cross-region copies of automatic backups.")]
    public IList<DbSystemBackupCopyPolicy>? CopyPolicies { get; init; }

    /// <summary>Start of the daily backup window, the time portion of an RFC 3339 timestamp (e.g. <c>01:00</c>).</summary>
    [JsonPropertyName("windowStartTime")]
    [Description("Start of the daily backup window, the time portion of an RFC 3339 timestamp (e.g. 01:00).")]
    public string? WindowStartTime { get; init; }

    /// <summary>Days automatic backups are kept.</summary>
    [JsonPropertyName("retentionInDays")]
    [Range(1, 35)]
    [Description("Days automatic backups are kept.")]
    public int? RetentionInDays { get; init; }

    /// <summary>Free-form tags applied to automatic backups.</summary>
    [JsonPropertyName("freeformTags")]
    [Description("Free-form tags applied to automatic backups.")]
    public IDictionary<string, string>? FreeformTags { get; init; }

    /// <summary>Defined tags applied to automatic backups (namespace, key, value).</summary>
    [JsonPropertyName("definedTags")]
    [Description("Defined tags applied to automatic backups (namespace, key, value).")]
    public IDictionary<string, IDictionary<string, string>>? DefinedTags { get; init; }

    /// <summary>Point-in-time recovery settings.</summary>
    [JsonPropertyName("pitrPolicy")]
    [Description("Point-in-time recovery settings.")]
    public DbSystemPitrPolicy? PitrPolicy { get; init; }
}
