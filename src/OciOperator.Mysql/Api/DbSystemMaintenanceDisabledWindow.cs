using System.ComponentModel;
using System.ComponentModel.DataAnnotations;
using System.Text.Json.Serialization;
using OciOperator.Schemas.Crd;

namespace OciOperator.Mysql.Api;

/// <summary>A time range during which maintenance must not run.</summary>
[Description("A time range during which maintenance must not run.")]
public sealed record DbSystemMaintenanceDisabledWindow
{
    /// <summary>Start of the window (RFC 3339).</summary>
    [JsonPropertyName("timeStart")]
    [Required]
    [CrdFormat("date-time")]
    [Description("Start of the window (RFC 3339).")]
    public string TimeStart { get; init; } = "";

    /// <summary>End of the window (RFC 3339).</summary>
    [JsonPropertyName("timeEnd")]
    [Required]
    [CrdFormat("date-time")]
    [Description("End of the window (RFC 3339).")]
    public string TimeEnd { get; init; } = "";
}
