using System.ComponentModel;
using System.Text.Json.Serialization;

namespace OciOperator.Mysql.Api;

/// <summary>
/// Where an admin credential comes from: <c>{secret: {secretName}}</c>; the Secret key is <c>username</c> for
/// <c>adminUsername</c> and <c>password</c> for <c>adminPassword</c>.
/// </summary>
[Description(
    "Where an admin credential comes from: {secret: {secretName}}; the Secret key is username for " +
    "adminUsername and password for adminPassword.")]
public sealed record AdminCredentialSource
{
    /// <summary>The Secret holding the value.</summary>
    [JsonPropertyName("secret")]
    [Description("The Secret holding the value.")]
    public SecretSource? Secret { get; init; }
}
