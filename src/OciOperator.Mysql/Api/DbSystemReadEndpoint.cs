using System.ComponentModel;
using System.Text.Json.Serialization;

namespace OciOperator.Mysql.Api;

/// <summary>The read endpoint that balances read-only traffic over read replicas.</summary>
[Description("The read endpoint that balances read-only traffic over read replicas.")]
public sealed record DbSystemReadEndpoint
{
    /// <summary>Enables the read endpoint.</summary>
    [JsonPropertyName("isEnabled")]
    [Description("Enables the read endpoint.")]
    public bool? IsEnabled { get; init; }

    /// <summary>Private IP address of the read endpoint.</summary>
    [JsonPropertyName("readEndpointIpAddress")]
    [Description("Private IP address of the read endpoint.")]
    public string? ReadEndpointIpAddress { get; init; }

    /// <summary>DNS hostname label of the read endpoint.</summary>
    [JsonPropertyName("readEndpointHostnameLabel")]
    [Description("DNS hostname label of the read endpoint.")]
    public string? ReadEndpointHostnameLabel { get; init; }

    /// <summary>Read replica IP addresses excluded from the read endpoint.</summary>
    [JsonPropertyName("excludeIps")]
    [Description("Read replica IP addresses excluded from the read endpoint.")]
    public IList<string>? ExcludeIps { get; init; }
}
