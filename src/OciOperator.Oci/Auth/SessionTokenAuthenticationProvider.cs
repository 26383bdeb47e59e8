using System.Security.Cryptography;
using OciOperator.Oci.Signing;

namespace OciOperator.Oci.Auth;

/// <summary>
/// Session-token principal from a config file (<c>security_token_file</c>, oci.md §2.2): keyId <c>ST$&lt;token&gt;</c>
/// signed with <c>key_file</c>. The token file is re-read when the token expires or after a 401 (the CLI's
/// <c>oci session refresh</c> rewrites it).
/// </summary>
public sealed class SessionTokenAuthenticationProvider : IAuthenticationProvider, IDisposable
{
    private readonly string _tokenFile;
    private readonly RSA _key;
    private readonly RefreshingCredentials _cache;

    /// <summary>Creates the provider.</summary>
    public SessionTokenAuthenticationProvider(string tokenFile, RSA key, string? tenancyId, string? region, TimeProvider timeProvider)
    {
        _tokenFile = tokenFile;
        _key = key;
        TenancyId = tenancyId;
        Region = region;
        _cache = new RefreshingCredentials(ReadAsync, timeProvider, TimeSpan.Zero);
    }

    /// <inheritdoc />
    public PrincipalType PrincipalType => PrincipalType.SessionToken;

    /// <inheritdoc />
    public string? Region { get; }

    /// <inheritdoc />
    public string? TenancyId { get; }

    /// <inheritdoc />
    public async ValueTask<SigningCredentials> GetCredentialsAsync(CancellationToken ct) =>
        (await _cache.GetAsync(ct).ConfigureAwait(false)).Credentials;

    /// <inheritdoc />
    public ValueTask<bool> RefreshAfterUnauthorizedAsync(SigningCredentials rejected, CancellationToken ct) => _cache.RefreshAsync(rejected, ct);

    /// <inheritdoc />
    public void Dispose() => _cache.Dispose();

    private async Task<TokenCredentials> ReadAsync(CancellationToken ct)
    {
        string token;
        try
        {
            token = (await File.ReadAllTextAsync(_tokenFile, ct).ConfigureAwait(false)).Trim();
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new OciConfigurationException($"The security_token_file '{_tokenFile}' cannot be read: {ex.Message}", ex);
        }

        if (token.Length == 0)
        {
            throw new OciConfigurationException($"The security_token_file '{_tokenFile}' is empty.");
        }

        var claims = JwtClaims.Parse(token, $"security_token_file '{_tokenFile}'");
        return new TokenCredentials(new SigningCredentials("ST$" + token, _key), claims.ExpiresAt);
    }
}
