using System.ComponentModel;
using System.Text.Json.Serialization;

namespace OciOperator.Mysql.Api;

/// <summary>Where the primary instance currently runs.</summary>
[Description("Where the primary instance currently runs.")]
public sealed record DbSystemPlacement
{
    /// <summary>Availability domain of the primary instance.</summary>
    [JsonPropertyName("availabilityDomain")]
    [Description("Availability domain of the primary instance.")]
    public string? AvailabilityDomain { get; init; }

    /// <summary>Fault domain of the primary instance.</summary>
    [JsonPropertyName("faultDomain")]
    [Description("Fault domain of the primary instance.")]
    public string? FaultDomain { get; init; }
}
