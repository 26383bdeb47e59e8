using System.ComponentModel;
using System.ComponentModel.DataAnnotations;
using System.Text.Json.Serialization;

namespace OciOperator.Mysql.Api;

/// <summary>Encryption of data at rest.</summary>
[Description("Encryption of data at rest.")]
public sealed record DbSystemEncryptData
{
    /// <summary>SYSTEM or BYOK (a customer-managed key).</summary>
    [JsonPropertyName("keyGenerationType")]
    [Required]
    [Description("SYSTEM or BYOK (a customer-managed key).")]
    public string KeyGenerationType { get; init; } = "";

    /// <summary>OCID of the Vault key (BYOK).</summary>
    [JsonPropertyName("keyId")]
    [Description("OCID of the Vault key (BYOK).")]
    public string? KeyId { get; init; }
}
