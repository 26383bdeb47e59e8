using System.ComponentModel;
using System.ComponentModel.DataAnnotations;
using System.Text.Json.Serialization;

namespace OciOperator.Mysql.Api;

/// <summary>The database console of the DB system.</summary>
[Description("The database console of the DB system.")]
public sealed record DbSystemDatabaseConsole
{
    /// <summary>ENABLED or DISABLED.</summary>
    [JsonPropertyName("status")]
    [Required]
    [Description("ENABLED or DISABLED.")]
    public string Status { get; init; } = "";

    /// <summary>Port of the database console.</summary>
    [JsonPropertyName("port")]
    [Range(1, 65535)]
    [Description("Port of the database console.")]
    public int? Port { get; init; }
}
