namespace OciOperator.Oci.Mysql;

/// <summary>A DbSystem endpoint.</summary>
public sealed record DbSystemEndpoint
{
    public string? IpAddress { get; init; }

    public int? Port { get; init; }

    public int? PortX { get; init; }

    public string? Hostname { get; init; }

    public IReadOnlyList<EndpointMode>? Modes { get; init; }

    public EndpointStatus? Status { get; init; }

    public string? StatusDetails { get; init; }

    public EndpointResourceType? ResourceType { get; init; }

    public string? ResourceId { get; init; }
}
