using System.Security.Cryptography;
using OciOperator.Oci.Signing;

namespace OciOperator.Oci.Auth;

/// <summary>
/// Resource principal v2.2 (oci.md §2.3): <c>OCI_RESOURCE_PRINCIPAL_RPST</c> (token or absolute path) and
/// <c>OCI_RESOURCE_PRINCIPAL_PRIVATE_PEM</c> (PEM or absolute path, optional passphrase of the same kind). No network
/// call; file-based values are re-read when the token is within 5 minutes of expiry or after a 401.
/// </summary>
public sealed class ResourcePrincipalAuthenticationProvider : IAuthenticationProvider, IDisposable
{
    private readonly string _rpst;
    private readonly string _pem;
    private readonly string? _passphrase;
    private readonly RefreshingCredentials _cache;

    private ResourcePrincipalAuthenticationProvider(string rpst, string pem, string? passphrase, string region, TimeProvider timeProvider)
    {
        _rpst = rpst;
        _pem = pem;
        _passphrase = passphrase;
        Region = region;
        _cache = new RefreshingCredentials(LoadAsync, timeProvider, TimeSpan.FromMinutes(5));
    }

    /// <inheritdoc />
    public PrincipalType PrincipalType => PrincipalType.Resource;

    /// <inheritdoc />
    public string? Region { get; }

    /// <inheritdoc />
    public string? TenancyId => _cache.Current?.TenancyId;

    /// <summary>Builds the provider from the environment (only version 2.2 is supported).</summary>
    public static ResourcePrincipalAuthenticationProvider FromEnvironment(Func<string, string?> environment, TimeProvider timeProvider)
    {
        ArgumentNullException.ThrowIfNull(environment);
        var version = environment("OCI_RESOURCE_PRINCIPAL_VERSION");
        if (version != "2.2")
        {
            throw new OciConfigurationException($"OCI_RESOURCE_PRINCIPAL_VERSION must be 2.2 (found '{version ?? "<unset>"}').");
        }

        string Require(string name) => environment(name) is { Length: > 0 } v
            ? v
            : throw new OciConfigurationException($"Resource principal: {name} is not set.");
        var rpst = Require("OCI_RESOURCE_PRINCIPAL_RPST");
        var pem = Require("OCI_RESOURCE_PRINCIPAL_PRIVATE_PEM");
        var region = Require("OCI_RESOURCE_PRINCIPAL_REGION");
        var passphrase = environment("OCI_RESOURCE_PRINCIPAL_PRIVATE_PEM_PASSPHRASE");
        if (passphrase is { Length: > 0 } && Path.IsPathRooted(passphrase) != Path.IsPathRooted(pem))
        {
            throw new OciConfigurationException(
                "Resource principal: OCI_RESOURCE_PRINCIPAL_PRIVATE_PEM_PASSPHRASE must be a path exactly when OCI_RESOURCE_PRINCIPAL_PRIVATE_PEM is a path.");
        }

        return new ResourcePrincipalAuthenticationProvider(rpst, pem, passphrase, region, timeProvider);
    }

    /// <inheritdoc />
    public async ValueTask<SigningCredentials> GetCredentialsAsync(CancellationToken ct) =>
        (await _cache.GetAsync(ct).ConfigureAwait(false)).Credentials;

    /// <inheritdoc />
    public ValueTask<bool> RefreshAfterUnauthorizedAsync(SigningCredentials rejected, CancellationToken ct) => _cache.RefreshAsync(rejected, ct);

    /// <inheritdoc />
    public void Dispose() => _cache.Dispose();

    private async Task<TokenCredentials> LoadAsync(CancellationToken ct)
    {
        var token = (await ValueOrFileAsync(_rpst, "OCI_RESOURCE_PRINCIPAL_RPST", ct).ConfigureAwait(false)).Trim();
        var pem = await ValueOrFileAsync(_pem, "OCI_RESOURCE_PRINCIPAL_PRIVATE_PEM", ct).ConfigureAwait(false);
        var passphrase = _passphrase is { Length: > 0 }
            ? (await ValueOrFileAsync(_passphrase, "OCI_RESOURCE_PRINCIPAL_PRIVATE_PEM_PASSPHRASE", ct).ConfigureAwait(false)).Trim()
            : null;
        RSA key = PrivateKeyLoader.FromPem(pem, passphrase, "OCI_RESOURCE_PRINCIPAL_PRIVATE_PEM");
        var claims = JwtClaims.Parse(token, "OCI_RESOURCE_PRINCIPAL_RPST");
        return new TokenCredentials(new SigningCredentials("ST$" + token, key), claims.ExpiresAt, claims.GetString("res_tenant"), Region);
    }

    private static async Task<string> ValueOrFileAsync(string value, string name, CancellationToken ct)
    {
        if (!Path.IsPathRooted(value))
        {
            return value;
        }

        try
        {
            return await File.ReadAllTextAsync(value, ct).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new OciConfigurationException($"Resource principal: the file named by {name} ('{value}') cannot be read: {ex.Message}", ex);
        }
    }
}
