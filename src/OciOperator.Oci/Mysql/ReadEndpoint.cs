namespace OciOperator.Oci.Mysql;

/// <summary>Read endpoint settings.</summary>
public sealed record ReadEndpoint
{
    public bool? IsEnabled { get; init; }

    public string? ReadEndpointIpAddress { get; init; }

    public string? ReadEndpointHostnameLabel { get; init; }

    public IReadOnlyList<string>? ExcludeIps { get; init; }
}
