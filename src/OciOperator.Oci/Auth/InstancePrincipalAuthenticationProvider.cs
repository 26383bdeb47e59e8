using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Microsoft.Extensions.Logging;
using OciOperator.Oci.Regions;
using OciOperator.Oci.Signing;

namespace OciOperator.Oci.Auth;

/// <summary>
/// Instance principal (oci.md §2.1): IMDS v2 with <c>Authorization: Bearer Oracle</c> for region, leaf cert/key and
/// intermediate cert; tenancy from the leaf subject's <c>opc-tenant:</c>; federation <c>POST /v1/x509</c> signed with
/// the leaf key and carrying a fresh RSA-2048 session public key; then <c>ST$&lt;JWT&gt;</c> signed with the session key.
/// Refreshes 5 minutes before <c>exp</c> and after a 401.
/// </summary>
public sealed partial class InstancePrincipalAuthenticationProvider : IAuthenticationProvider, IDisposable
{
    private readonly HttpClient _http;
    private readonly InstancePrincipalOptions _options;
    private readonly OciRegions _regions;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly RefreshingCredentials _cache;
    private readonly SemaphoreSlim _regionGate = new(1, 1);
    private OciRegion? _region;

    /// <summary>Creates the provider. <paramref name="http"/> must not sign requests (plain HTTP client).</summary>
    public InstancePrincipalAuthenticationProvider(HttpClient http, InstancePrincipalOptions options, OciRegions regions, TimeProvider timeProvider, ILogger<InstancePrincipalAuthenticationProvider> logger)
    {
        _http = http;
        _options = options;
        _regions = regions;
        _time = timeProvider;
        _logger = logger;
        _cache = new RefreshingCredentials(FetchAsync, timeProvider, options.RefreshBuffer);
        if (options.Region is { Length: > 0 } r)
        {
            _region = regions.Resolve(r);
        }
    }

    /// <inheritdoc />
    public PrincipalType PrincipalType => PrincipalType.Instance;

    /// <inheritdoc />
    public string? Region => _region?.Id;

    /// <inheritdoc />
    public string? TenancyId => _cache.Current?.TenancyId;

    /// <summary>Number of federation round trips so far (diagnostics and tests).</summary>
    public int TokenFetchCount => _cache.FetchCount;

    /// <summary>When the current token expires (null before the first fetch).</summary>
    public DateTimeOffset? TokenExpiresAt => _cache.Current?.ExpiresAt;

    /// <summary>Resolves the region (from options or IMDS <c>instance/region</c>).</summary>
    public async ValueTask<OciRegion> GetRegionAsync(CancellationToken ct)
    {
        if (_region is { } known)
        {
            return known;
        }

        await _regionGate.WaitAsync(ct).ConfigureAwait(false);
        try
        {
            if (_region is null)
            {
                var raw = await GetRegionWithRetriesAsync(ct).ConfigureAwait(false);
                _region = _regions.Resolve(raw.Trim());
            }

            return _region;
        }
        finally
        {
            _regionGate.Release();
        }
    }

    /// <inheritdoc />
    public async ValueTask<SigningCredentials> GetCredentialsAsync(CancellationToken ct) =>
        (await _cache.GetAsync(ct).ConfigureAwait(false)).Credentials;

    /// <inheritdoc />
    public ValueTask<bool> RefreshAfterUnauthorizedAsync(SigningCredentials rejected, CancellationToken ct)
    {
        LogRefreshAfterUnauthorized(_logger);
        return _cache.RefreshAsync(rejected, ct);
    }

    /// <inheritdoc />
    public void Dispose()
    {
        _cache.Dispose();
        _regionGate.Dispose();
    }

    private async Task<TokenCredentials> FetchAsync(CancellationToken ct)
    {
        var region = await GetRegionAsync(ct).ConfigureAwait(false);
        var certPem = await GetMetadataAsync("identity/cert.pem", ct).ConfigureAwait(false);
        var keyPem = await GetMetadataAsync("identity/key.pem", ct).ConfigureAwait(false);
        var intermediatePem = await GetMetadataAsync("identity/intermediate.pem", ct).ConfigureAwait(false);

        using var leaf = LoadCertificate(certPem, "identity/cert.pem");
        using var intermediate = LoadCertificate(intermediatePem, "identity/intermediate.pem");
        var tenancy = TenancyFromCertificate(leaf);
        var previous = _cache.Current?.TenancyId;
        if (previous is not null && previous != tenancy)
        {
            throw new OciConfigurationException($"The instance's tenancy changed from {previous} to {tenancy} between refreshes.");
        }

        using var leafKey = PrivateKeyLoader.FromPem(keyPem, null, "instance metadata identity/key.pem");
        var sessionKey = RSA.Create(2048);
        var token = await FederateAsync(region, tenancy, leaf, intermediate, leafKey, sessionKey, ct).ConfigureAwait(false);
        var claims = JwtClaims.Parse(token, "the federation service");
        LogTokenObtained(_logger, tenancy, region.Id, claims.ExpiresAt);
        return new TokenCredentials(new SigningCredentials("ST$" + token, sessionKey), claims.ExpiresAt, tenancy, region.Id);
    }

    /// <summary>The region call is retried (IMDS can be slow right after boot), like the Go SDK: 1, 2, 4, … s pauses capped at 30 s.</summary>
    private async Task<string> GetRegionWithRetriesAsync(CancellationToken ct)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await GetMetadataAsync("instance/region", ct).ConfigureAwait(false);
            }
            catch (OciAuthenticationException ex) when (attempt < _options.RegionAttempts && ex.StatusCode is null or >= 500)
            {
                LogRegionRetry(_logger, attempt, ex.StatusCode ?? 0);
            }

            var delay = TimeSpan.FromSeconds(Math.Min(Math.Pow(2, attempt - 1), 30));
            await Task.Delay(delay, _time, ct).ConfigureAwait(false);
        }
    }

    private async Task<string> GetMetadataAsync(string path, CancellationToken ct)
    {
        var uri = new Uri(EnsureSlash(_options.MetadataBaseUrl), path);
        using var request = new HttpRequestMessage(HttpMethod.Get, uri);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", "Oracle");
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("text/plain"));
        HttpResponseMessage response;
        try
        {
            response = await _http.SendAsync(request, ct).ConfigureAwait(false);
        }
        catch (HttpRequestException ex)
        {
            throw new OciAuthenticationException($"Instance metadata service at {uri} is unreachable (is this an OCI compute instance?): {ex.Message}", ex);
        }

        using (response)
        {
            if (!response.IsSuccessStatusCode)
            {
                throw new OciAuthenticationException($"Instance metadata GET {uri} answered {(int)response.StatusCode}.") { StatusCode = (int)response.StatusCode };
            }

            return await response.Content.ReadAsStringAsync(ct).ConfigureAwait(false);
        }
    }

    private static Uri EnsureSlash(Uri uri) => uri.AbsoluteUri.EndsWith('/') ? uri : new Uri(uri.AbsoluteUri + "/");

    private static X509Certificate2 LoadCertificate(string pem, string what)
    {
        try
        {
            return X509Certificate2.CreateFromPem(pem);
        }
        catch (CryptographicException ex)
        {
            throw new OciAuthenticationException($"Instance metadata {what} is not a PEM certificate.", ex);
        }
    }

    /// <summary>The tenancy OCID from a leaf certificate subject value starting with <c>opc-tenant:</c>.</summary>
    public static string TenancyFromCertificate(X509Certificate2 certificate)
    {
        ArgumentNullException.ThrowIfNull(certificate);
        foreach (var rdn in certificate.SubjectName.EnumerateRelativeDistinguishedNames())
        {
            var value = rdn.GetSingleElementValue();
            foreach (var prefix in (string[])["opc-tenant:", "opc-identity:"])
            {
                if (value is not null && value.StartsWith(prefix, StringComparison.Ordinal))
                {
                    return value[prefix.Length..];
                }
            }
        }

        throw new OciAuthenticationException("The instance leaf certificate subject has no 'opc-tenant:' value.");
    }
}
