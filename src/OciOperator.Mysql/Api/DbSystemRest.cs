using System.ComponentModel;
using System.ComponentModel.DataAnnotations;
using System.Text.Json.Serialization;

namespace OciOperator.Mysql.Api;

/// <summary>The MySQL REST service of the DB system.</summary>
[Description("The MySQL REST service of the DB system.")]
public sealed record DbSystemRest
{
    /// <summary>DISABLED or DBSYSTEM_ONLY.</summary>
    [JsonPropertyName("configuration")]
    [Required]
    [Description("DISABLED or DBSYSTEM_ONLY.")]
    public string Configuration { get; init; } = "";

    /// <summary>Port of the REST service.</summary>
    [JsonPropertyName("port")]
    [Range(1, 65535)]
    [Description("Port of the REST service.")]
    public int? Port { get; init; }
}
