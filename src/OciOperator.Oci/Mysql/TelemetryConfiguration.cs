namespace OciOperator.Oci.Mysql;

/// <summary>Telemetry configuration.</summary>
public sealed record TelemetryConfiguration
{
    public IReadOnlyList<TelemetryLogConfiguration>? Logs { get; init; }
}
