using OciOperator.Oci.Signing;

namespace OciOperator.Oci.Auth;

/// <summary>An API-key user principal: fixed key id <c>tenancy/user/fingerprint</c> and private key.</summary>
public sealed class StaticKeyAuthenticationProvider(SigningCredentials credentials, string tenancyId, string? region)
    : IAuthenticationProvider
{
    /// <inheritdoc />
    public PrincipalType PrincipalType => PrincipalType.User;

    /// <inheritdoc />
    public string? Region => region;

    /// <inheritdoc />
    public string? TenancyId => tenancyId;

    /// <summary>The user OCID (second part of the key id).</summary>
    public string UserId => credentials.KeyId.Split('/')[1];

    /// <summary>Builds the provider from the raw user-principal fields.</summary>
    public static StaticKeyAuthenticationProvider Create(string tenancyId, string userId, string fingerprint, System.Security.Cryptography.RSA key, string? region) =>
        new(new SigningCredentials($"{tenancyId}/{userId}/{fingerprint}", key), tenancyId, region);

    /// <inheritdoc />
    public ValueTask<SigningCredentials> GetCredentialsAsync(CancellationToken ct) => ValueTask.FromResult(credentials);

    /// <inheritdoc />
    public ValueTask<bool> RefreshAfterUnauthorizedAsync(SigningCredentials rejected, CancellationToken ct) => ValueTask.FromResult(false);
}
