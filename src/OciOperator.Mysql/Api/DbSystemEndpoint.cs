using System.ComponentModel.DataAnnotations;
using System.ComponentModel;
using System.Text.Json.Serialization;

namespace OciOperator.Mysql.Api;

/// <summary>A network endpoint of the DB system (OCI <c>DbSystemEndpoint</c>).</summary>
[Description("A network endpoint of the DB system (OCI DbSystemEndpoint).")]
public sealed record DbSystemEndpoint
{
    /// <summary>IP address of the endpoint.</summary>
    [JsonPropertyName("ipAddress")]
    [Description("IP address of the endpoint.")]
    public string? IpAddress { get; init; }

    /// <summary>MySQL classic protocol port.</summary>
    [JsonPropertyName("port")]
    [Range(0, int.MaxValue)]
    [Description("MySQL classic protocol port.")]
    public int? Port { get; init; }

    /// <summary>MySQL X protocol port.</summary>
    [JsonPropertyName("portX")]
    [Range(0, int.MaxValue)]
    [Description("MySQL X protocol port.")]
    public int? PortX { get; init; }

    /// <summary>Hostname of the endpoint.</summary>
    [JsonPropertyName("hostname")]
    [Description("Hostname of the endpoint.")]
    public string? Hostname { get; init; }

    /// <summary>READ and/or WRITE.</summary>
    [JsonPropertyName("modes")]
    [Description("READ and/or WRITE.")]
    public IList<string>? Modes { get; init; }

    /// <summary>ACTIVE, INACTIVE or UPDATING.</summary>
    [JsonPropertyName("status")]
    [Description("ACTIVE, INACTIVE or UPDATING.")]
    public string? Status { get; init; }

    /// <summary>Detail of the status.</summary>
    [JsonPropertyName("statusDetails")]
    [Description("Detail of the status.")]
    public string? StatusDetails { get; init; }

    /// <summary>DBSYSTEM, READ_REPLICA, LOAD_BALANCER or READ_ENDPOINT.</summary>
    [JsonPropertyName("resourceType")]
    [Description("DBSYSTEM, READ_REPLICA, LOAD_BALANCER or READ_ENDPOINT.")]
    public string? ResourceType { get; init; }

    /// <summary>OCID of the resource behind the endpoint.</summary>
    [JsonPropertyName("resourceId")]
    [Description("OCID of the resource behind the endpoint.")]
    public string? ResourceId { get; init; }
}
