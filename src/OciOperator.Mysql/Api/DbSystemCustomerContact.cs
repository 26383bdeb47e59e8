using System.ComponentModel;
using System.ComponentModel.DataAnnotations;
using System.Text.Json.Serialization;

namespace OciOperator.Mysql.Api;

/// <summary>An operational contact notified about the DB system.</summary>
[Description("An operational contact notified about the DB system.")]
public sealed record DbSystemCustomerContact
{
    /// <summary>E-mail address of the contact.</summary>
    [JsonPropertyName("email")]
    [Required]
    [Description("E-mail address of the contact.")]
    public string Email { get; init; } = "";
}
