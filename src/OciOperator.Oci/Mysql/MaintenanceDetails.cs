namespace OciOperator.Oci.Mysql;

/// <summary>Maintenance settings (request and response shape).</summary>
public sealed record MaintenanceDetails
{
    public string? WindowStartTime { get; init; }

    public VersionPreference? VersionPreference { get; init; }

    public VersionTrackPreference? VersionTrackPreference { get; init; }

    public MaintenanceScheduleType? MaintenanceScheduleType { get; init; }

    public IReadOnlyList<MaintenanceDisabledWindow>? MaintenanceDisabledWindows { get; init; }

    public DateTimeOffset? TimeScheduled { get; init; }

    public string? TargetVersion { get; init; }
}
