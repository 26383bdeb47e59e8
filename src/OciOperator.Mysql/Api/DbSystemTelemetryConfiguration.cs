using System.ComponentModel;
using System.Text.Json.Serialization;

namespace OciOperator.Mysql.Api;

/// <summary>Telemetry (log export) settings of the DB system.</summary>
[Description("Telemetry (log export) settings of the DB system.")]
public sealed record DbSystemTelemetryConfiguration
{
    /// <summary>Log exports.</summary>
    [JsonPropertyName("logs")]
    [Description("Log exports.")]
    public IList<DbSystemTelemetryLog>? Logs { get; init; }
}
