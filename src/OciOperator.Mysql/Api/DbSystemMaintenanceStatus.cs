using System.ComponentModel;
using System.Text.Json.Serialization;

namespace OciOperator.Mysql.Api;

/// <summary>The observed maintenance schedule, with the next scheduled maintenance.</summary>
[Description("The observed maintenance schedule, with the next scheduled maintenance.")]
public sealed record DbSystemMaintenanceStatus
{
    /// <summary>Start of the weekly maintenance window, e.g. <c>sun 02:00</c>.</summary>
    [JsonPropertyName("windowStartTime")]
    [Description("Start of the weekly maintenance window, e.g. sun 02:00.")]
    public string? WindowStartTime { get; init; }

    /// <summary>OLDEST, SECOND_NEWEST or NEWEST.</summary>
    [JsonPropertyName("versionPreference")]
    [Description("OLDEST, SECOND_NEWEST or NEWEST.")]
    public string? VersionPreference { get; init; }

    /// <summary>LONG_TERM_SUPPORT, INNOVATION or FOLLOW.</summary>
    [JsonPropertyName("versionTrackPreference")]
    [Description("LONG_TERM_SUPPORT, INNOVATION or FOLLOW.")]
    public string? VersionTrackPreference { get; init; }

    /// <summary>EARLY or REGULAR.</summary>
    [JsonPropertyName("maintenanceScheduleType")]
    [Description("EARLY or REGULAR.")]
    public string? MaintenanceScheduleType { get; init; }

    /// <summary>When the next maintenance is scheduled.</summary>
    [JsonPropertyName("timeScheduled")]
    [Description("When the next maintenance is scheduled.")]
    public DateTimeOffset? TimeScheduled { get; init; }

    /// <summary>MySQL version the next maintenance upgrades to.</summary>
    [JsonPropertyName("targetVersion")]
    [Description("MySQL version the next maintenance upgrades to.")]
    public string? TargetVersion { get; init; }

    /// <summary>Periods during which maintenance is not performed.</summary>
    [JsonPropertyName("maintenanceDisabledWindows")]
    [Description("Periods during which maintenance is not performed.")]
    public IList<DbSystemMaintenanceDisabledWindow>? MaintenanceDisabledWindows { get; init; }
}
