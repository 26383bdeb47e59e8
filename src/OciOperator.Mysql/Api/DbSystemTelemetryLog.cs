using System.ComponentModel;
using System.ComponentModel.DataAnnotations;
using System.Text.Json.Serialization;

namespace OciOperator.Mysql.Api;

/// <summary>One log export of the DB system.</summary>
[Description("One log export of the DB system.")]
public sealed record DbSystemTelemetryLog
{
    /// <summary>LOG_ANALYTICS or OPEN_TELEMETRY.</summary>
    [JsonPropertyName("destination")]
    [Required]
    [Description("LOG_ANALYTICS or OPEN_TELEMETRY.")]
    public string Destination { get; init; } = "";

    /// <summary>Settings of the destination.</summary>
    [JsonPropertyName("destinationConfigurations")]
    [Required]
    [Description("Settings of the destination.")]
    public IList<DbSystemTelemetryDestinationConfiguration> DestinationConfigurations { get; init; } = [];

    /// <summary>Logs exported: ERROR_LOG, GENERAL_LOG, SLOW_QUERY_LOG, AUDIT_LOG.</summary>
    [JsonPropertyName("logTypes")]
    [Required]
    [Description("Logs exported: ERROR_LOG, GENERAL_LOG, SLOW_QUERY_LOG, AUDIT_LOG.")]
    public IList<string> LogTypes { get; init; } = [];
}
