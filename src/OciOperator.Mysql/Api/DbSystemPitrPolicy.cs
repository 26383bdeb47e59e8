using System.ComponentModel;
using System.ComponentModel.DataAnnotations;
using System.Text.Json.Serialization;

namespace OciOperator.Mysql.Api;

/// <summary>Point-in-time recovery settings.</summary>
[Description("Point-in-time recovery settings.")]
public sealed record DbSystemPitrPolicy
{
    /// <summary>Enables point-in-time recovery.</summary>
    [JsonPropertyName("isEnabled")]
    [Required]
    [Description("Enables point-in-time recovery.")]
    public bool IsEnabled { get; init; }
}
