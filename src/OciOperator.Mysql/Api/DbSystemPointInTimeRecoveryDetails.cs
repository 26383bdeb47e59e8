using System.ComponentModel;
using System.Text.Json.Serialization;

namespace OciOperator.Mysql.Api;

/// <summary>The range a point-in-time recovery can restore to.</summary>
[Description("The range a point-in-time recovery can restore to.")]
public sealed record DbSystemPointInTimeRecoveryDetails
{
    /// <summary>Earliest recovery point.</summary>
    [JsonPropertyName("timeEarliestRecoveryPoint")]
    [Description("Earliest recovery point.")]
    public DateTimeOffset? TimeEarliestRecoveryPoint { get; init; }

    /// <summary>Latest recovery point.</summary>
    [JsonPropertyName("timeLatestRecoveryPoint")]
    [Description("Latest recovery point.")]
    public DateTimeOffset? TimeLatestRecoveryPoint { get; init; }
}
