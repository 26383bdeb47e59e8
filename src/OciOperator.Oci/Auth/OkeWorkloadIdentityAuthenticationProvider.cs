using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using OciOperator.Oci.Signing;

namespace OciOperator.Oci.Auth;

/// <summary>
/// OKE workload identity (oci.md §2.4): <c>POST {proxymux}/resourcePrincipalSessionTokens</c> with the pod's
/// service-account token as Bearer and a fresh RSA-2048 session public key; the answer is a JSON string holding
/// base64 of <c>{"token":"ST$&lt;JWT&gt;"}</c>. Signs with <c>ST$&lt;JWT&gt;</c> + the session key.
/// </summary>
public sealed class OkeWorkloadIdentityAuthenticationProvider : IAuthenticationProvider, IDisposable
{
    private readonly HttpClient _http;
    private readonly OkeWorkloadIdentityOptions _options;
    private readonly RefreshingCredentials _cache;

    /// <summary>Creates the provider. <paramref name="http"/> must trust the cluster CA.</summary>
    public OkeWorkloadIdentityAuthenticationProvider(HttpClient http, OkeWorkloadIdentityOptions options, TimeProvider timeProvider)
    {
        _http = http;
        _options = options;
        _cache = new RefreshingCredentials(FetchAsync, timeProvider, options.RefreshBuffer);
    }

    /// <inheritdoc />
    public PrincipalType PrincipalType => PrincipalType.OkeWorkloadIdentity;

    /// <inheritdoc />
    public string? Region => _options.Region;

    /// <inheritdoc />
    public string? TenancyId => _cache.Current?.TenancyId;

    /// <inheritdoc />
    public async ValueTask<SigningCredentials> GetCredentialsAsync(CancellationToken ct) =>
        (await _cache.GetAsync(ct).ConfigureAwait(false)).Credentials;

    /// <inheritdoc />
    public ValueTask<bool> RefreshAfterUnauthorizedAsync(SigningCredentials rejected, CancellationToken ct) => _cache.RefreshAsync(rejected, ct);

    /// <inheritdoc />
    public void Dispose() => _cache.Dispose();

    private async Task<TokenCredentials> FetchAsync(CancellationToken ct)
    {
        string saToken;
        try
        {
            saToken = (await File.ReadAllTextAsync(_options.ServiceAccountTokenPath, ct).ConfigureAwait(false)).Trim();
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new OciConfigurationException($"OKE workload identity: the service account token '{_options.ServiceAccountTokenPath}' cannot be read: {ex.Message}", ex);
        }

        var sessionKey = RSA.Create(2048);
        var uri = new Uri(_options.ProxymuxEndpoint, "/resourcePrincipalSessionTokens");
        var body = JsonSerializer.SerializeToUtf8Bytes(new PodKeyRequest(sessionKey.ExportSubjectPublicKeyInfoPem()), AuthJsonContext.Default.PodKeyRequest);
        using var request = new HttpRequestMessage(HttpMethod.Post, uri) { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", saToken);
        request.Headers.TryAddWithoutValidation("opc-request-id", Guid.NewGuid().ToString("N"));
        using var response = await _http.SendAsync(request, ct).ConfigureAwait(false);
        var text = await response.Content.ReadAsStringAsync(ct).ConfigureAwait(false);
        if (!response.IsSuccessStatusCode)
        {
            var hint = (int)response.StatusCode == 403 ? " (the cluster type must be 'enhanced' for workload identity)" : string.Empty;
            throw new OciAuthenticationException($"OKE workload identity token exchange at {uri} answered {(int)response.StatusCode}{hint}.") { StatusCode = (int)response.StatusCode };
        }

        var jwt = DecodeToken(text);
        var claims = JwtClaims.Parse(jwt, "the OKE proxymux");
        return new TokenCredentials(new SigningCredentials("ST$" + jwt, sessionKey), claims.ExpiresAt, claims.GetString("res_tenant") ?? claims.GetString("tenant"), _options.Region);
    }

    /// <summary>Decodes the proxymux answer: a JSON string of base64 <c>{"token":"ST$&lt;JWT&gt;"}</c>.</summary>
    internal static string DecodeToken(string responseBody)
    {
        try
        {
            var inner = JsonSerializer.Deserialize(responseBody, AuthJsonContext.Default.String) ?? string.Empty;
            var json = Encoding.UTF8.GetString(Convert.FromBase64String(inner));
            var token = JsonSerializer.Deserialize(json, AuthJsonContext.Default.TokenResponse)?.Token;
            if (token is { Length: > 3 } && token.StartsWith("ST$", StringComparison.Ordinal))
            {
                return token[3..];
            }
        }
        catch (Exception ex) when (ex is JsonException or FormatException)
        {
            throw new OciAuthenticationException("The OKE workload identity response is not a base64-encoded token document.", ex);
        }

        throw new OciAuthenticationException("The OKE workload identity response has no 'ST$' token.");
    }
}
