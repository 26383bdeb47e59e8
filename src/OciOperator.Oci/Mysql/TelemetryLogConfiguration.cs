namespace OciOperator.Oci.Mysql;

/// <summary>One telemetry log configuration.</summary>
public sealed record TelemetryLogConfiguration
{
    public TelemetryDestination? Destination { get; init; }

    public IReadOnlyList<DestinationConfiguration>? DestinationConfigurations { get; init; }

    public IReadOnlyList<TelemetryLogType>? LogTypes { get; init; }
}
