using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text.Json;
using OciOperator.Oci.Regions;
using OciOperator.Oci.Signing;

namespace OciOperator.Oci.Auth;

/// <summary>The federation call (<c>POST /v1/x509</c>).</summary>
public sealed partial class InstancePrincipalAuthenticationProvider
{
    /// <summary>Go SDK header list for the federation call (host deliberately omitted).</summary>
    private static readonly string[] FederationHeaders = ["date", "(request-target)", "content-length", "content-type", "x-content-sha256"];

    private async Task<string> FederateAsync(OciRegion region, string tenancy, X509Certificate2 leaf, X509Certificate2 intermediate, RSA leafKey, RSA sessionKey, CancellationToken ct)
    {
        var endpoint = _options.FederationEndpoint ?? region.AuthEndpoint;
        var uri = new Uri(EnsureSlash(endpoint), "v1/x509");
        var body = FederationBody(leaf, intermediate, sessionKey);
        var credentials = new SigningCredentials($"{tenancy}/fed-x509-sha256/{KeyFingerprint.ForCertificateSha256(leaf)}", leafKey);
        for (var attempt = 1; ; attempt++)
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, uri) { Content = new ByteArrayContent(body) };
            request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
            var date = RequestSigner.FormatDate(_time.GetUtcNow());
            var signature = RequestSigner.Sign(
                new SigningInput("POST", uri.PathAndQuery, uri.Authority, date, body, "application/json", FederationHeaders), credentials);
            request.Headers.TryAddWithoutValidation("date", date);
            request.Headers.TryAddWithoutValidation("authorization", signature.Authorization);
            request.Content.Headers.TryAddWithoutValidation("x-content-sha256", signature.ContentSha256);
            try
            {
                using var response = await _http.SendAsync(request, ct).ConfigureAwait(false);
                var text = await response.Content.ReadAsStringAsync(ct).ConfigureAwait(false);
                if (response.IsSuccessStatusCode)
                {
                    return ParseToken(text);
                }

                var status = (int)response.StatusCode;
                if (status is >= 400 and < 500 || attempt >= _options.FederationAttempts)
                {
                    throw new OciAuthenticationException($"Federation POST {uri} answered {status}{ErrorCodeOf(text)}.") { StatusCode = status };
                }

                LogFederationRetry(_logger, status, attempt);
            }
            catch (HttpRequestException ex) when (attempt < _options.FederationAttempts)
            {
                LogFederationRetry(_logger, 0, attempt);
                _ = ex;
            }
            catch (HttpRequestException ex)
            {
                throw new OciAuthenticationException($"Federation endpoint {uri} is unreachable: {ex.Message}", ex);
            }

            await Task.Delay(TimeSpan.FromSeconds(1 << (attempt - 1)), _time, ct).ConfigureAwait(false);
        }
    }

    private static byte[] FederationBody(X509Certificate2 leaf, X509Certificate2 intermediate, RSA sessionKey)
    {
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream))
        {
            writer.WriteStartObject();
            writer.WriteString("certificate", Convert.ToBase64String(leaf.RawData));
            writer.WriteString("publicKey", Convert.ToBase64String(sessionKey.ExportSubjectPublicKeyInfo()));
            writer.WriteStartArray("intermediateCertificates");
            writer.WriteStringValue(Convert.ToBase64String(intermediate.RawData));
            writer.WriteEndArray();
            writer.WriteString("fingerprintAlgorithm", "SHA256");
            writer.WriteEndObject();
        }

        return stream.ToArray();
    }

    private static string ParseToken(string text)
    {
        try
        {
            using var doc = JsonDocument.Parse(text);
            if (doc.RootElement.ValueKind == JsonValueKind.Object
                && doc.RootElement.TryGetProperty("token", out var token)
                && token.GetString() is { Length: > 0 } jwt)
            {
                return jwt;
            }
        }
        catch (JsonException)
        {
            // Fall through to the error below.
        }

        throw new OciAuthenticationException("The federation response has no 'token'.");
    }

    private static string ErrorCodeOf(string body)
    {
        try
        {
            using var doc = JsonDocument.Parse(body);
            return doc.RootElement.ValueKind == JsonValueKind.Object && doc.RootElement.TryGetProperty("code", out var code)
                ? $" ({code.GetString()})"
                : string.Empty;
        }
        catch (JsonException)
        {
            return string.Empty;
        }
    }

}
