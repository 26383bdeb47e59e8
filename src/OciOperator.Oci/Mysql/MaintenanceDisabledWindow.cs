namespace OciOperator.Oci.Mysql;

/// <summary>A window in which maintenance is disabled.</summary>
public sealed record MaintenanceDisabledWindow
{
    public DateTimeOffset? TimeStart { get; init; }

    public DateTimeOffset? TimeEnd { get; init; }
}
