using System.ComponentModel;
using System.ComponentModel.DataAnnotations;
using System.Text.Json.Serialization;

namespace OciOperator.Mysql.Api;

/// <summary>One key/value setting of a telemetry destination.</summary>
[Description("One key/value setting of a telemetry destination.")]
public sealed record DbSystemTelemetryDestinationConfiguration
{
    /// <summary>Setting name.</summary>
    [JsonPropertyName("key")]
    [Required]
    [Description("Setting name.")]
    public string Key { get; init; } = "";

    /// <summary>Setting value.</summary>
    [JsonPropertyName("value")]
    [Required]
    [Description("Setting value.")]
    public string Value { get; init; } = "";
}
