using System.ComponentModel;
using System.Text.Json.Serialization;

namespace OciOperator.Mysql.Api;

/// <summary>A controlled (staged) version update in progress.</summary>
[Description("A controlled (staged) version update in progress.")]
public sealed record DbSystemControlledUpdate
{
    /// <summary>MySQL version being rolled out.</summary>
    [JsonPropertyName("targetMysqlVersion")]
    [Description("MySQL version being rolled out.")]
    public string? TargetMysqlVersion { get; init; }

    /// <summary>ALL_BUT_PRIMARY or PRIMARY_ONLY.</summary>
    [JsonPropertyName("targetDbInstances")]
    [Description("ALL_BUT_PRIMARY or PRIMARY_ONLY.")]
    public string? TargetDbInstances { get; init; }
}
