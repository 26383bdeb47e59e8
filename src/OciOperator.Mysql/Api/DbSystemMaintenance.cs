using System.ComponentModel;
using System.ComponentModel.DataAnnotations;
using System.Text.Json.Serialization;

namespace OciOperator.Mysql.Api;

/// <summary>The maintenance schedule of a DB system.</summary>
[Description("The maintenance schedule of a DB system.")]
public sealed record DbSystemMaintenance
{
    /// <summary>Start of the weekly maintenance window, "{day-of-week} {time-of-day}", e.g. <c>sun 02:00</c>.</summary>
    [JsonPropertyName("windowStartTime")]
    [Required]
    [Description("Start of the weekly maintenance window, \"{day-of-week} {time-of-day}\", e.g. sun 02:00.")]
    public string WindowStartTime { get; init; } = "";

    /// <summary>Which version maintenance upgrades to: OLDEST, SECOND_NEWEST or NEWEST.</summary>
    [JsonPropertyName("versionPreference")]
    [Description("Which version maintenance upgrades to: OLDEST, SECOND_NEWEST or NEWEST.")]
    public string? VersionPreference { get; init; }

    /// <summary>Version track: LONG_TERM_SUPPORT, INNOVATION or FOLLOW.</summary>
    [JsonPropertyName("versionTrackPreference")]
    [Description("Version track: LONG_TERM_SUPPORT, INNOVATION or FOLLOW.")]
    public string? VersionTrackPreference { get; init; }

    /// <summary>EARLY or REGULAR.</summary>
    [JsonPropertyName("maintenanceScheduleType")]
    [Description("EARLY or REGULAR.")]
    public string? MaintenanceScheduleType { get; init; }

    /// <summary>Periods during which maintenance is not performed.</summary>
    [JsonPropertyName("maintenanceDisabledWindows")]
    [Description("Periods during which maintenance is not performed.")]
    public IList<DbSystemMaintenanceDisabledWindow>? MaintenanceDisabledWindows { get; init; }
}
