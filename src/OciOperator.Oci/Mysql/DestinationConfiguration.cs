namespace OciOperator.Oci.Mysql;

/// <summary>A telemetry destination key/value.</summary>
public sealed record DestinationConfiguration
{
    public string? Key { get; init; }

    public string? Value { get; init; }
}
