using System.ComponentModel;
using System.ComponentModel.DataAnnotations;
using System.Text.Json.Serialization;

namespace OciOperator.Mysql.Api;

/// <summary>TLS certificate settings of the MySQL endpoints.</summary>
[Description("TLS certificate settings of the MySQL endpoints.")]
public sealed record DbSystemSecureConnections
{
    /// <summary>SYSTEM or BYOC (bring your own certificate).</summary>
    [JsonPropertyName("certificateGenerationType")]
    [Required]
    [Description("SYSTEM or BYOC (bring your own certificate).")]
    public string CertificateGenerationType { get; init; } = "";

    /// <summary>OCID of the certificate (BYOC).</summary>
    [JsonPropertyName("certificateId")]
    [Description("OCID of the certificate (BYOC).")]
    public string? CertificateId { get; init; }
}
