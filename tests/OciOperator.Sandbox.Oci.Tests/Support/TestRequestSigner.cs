using System.Globalization;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;

namespace OciOperator.Sandbox.Oci.Tests.Support;

/// <summary>
/// A small, independent OCI request signer for the tests (draft-cavage, rsa-sha256, OCI's header lists). The published
/// vectors check it (see <c>TestRequestSignerVectorTests</c>), so it and the emulator's verifier keep each other honest.
/// </summary>
internal sealed class TestRequestSigner(Func<(string KeyId, RSA Key)> credentials, TimeProvider clock) : DelegatingHandler(new HttpClientHandler())
{
    /// <summary>Changes the request after it was signed (to prove tampering is caught).</summary>
    public Action<HttpRequestMessage>? TamperAfterSigning { get; set; }

    /// <summary>Shifts the signed date (to prove stale dates are rejected).</summary>
    public TimeSpan ClockOffset { get; set; }

    /// <summary>Overrides the signed header list (to prove missing required headers are rejected).</summary>
    public IReadOnlyList<string>? HeadersOverride { get; set; }

    public static string SigningString(string method, string pathAndQuery, IReadOnlyList<string> headers, Func<string, string> value) =>
        string.Join('\n', headers.Select(h => h == "(request-target)"
            ? $"(request-target): {method.ToLowerInvariant()} {pathAndQuery}"
            : $"{h}: {value(h)}"));

    public static string Sign(RSA key, string signingString) =>
        Convert.ToBase64String(key.SignData(Encoding.UTF8.GetBytes(signingString), HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1));

    public static string AuthorizationValue(IReadOnlyList<string> headers, string keyId, string signature) =>
        $"version=\"1\",headers=\"{string.Join(' ', headers)}\",keyId=\"{keyId}\",algorithm=\"rsa-sha256\",signature=\"{signature}\"";

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        await SignAsync(request, cancellationToken).ConfigureAwait(false);
        TamperAfterSigning?.Invoke(request);
        return await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
    }

    private async Task SignAsync(HttpRequestMessage request, CancellationToken ct)
    {
        var uri = request.RequestUri!;
        var date = (clock.GetUtcNow() + ClockOffset).ToString("r", CultureInfo.InvariantCulture);
        request.Headers.Date = DateTimeOffset.ParseExact(date, "r", CultureInfo.InvariantCulture);
        request.Headers.Host = uri.Authority;
        var values = new Dictionary<string, string>(StringComparer.Ordinal) { ["date"] = date, ["host"] = uri.Authority };
        var withBody = request.Method == HttpMethod.Post || request.Method == HttpMethod.Put || request.Method == HttpMethod.Patch;
        List<string> headers = ["date", "(request-target)", "host"];
        if (withBody)
        {
            var body = request.Content is null ? [] : await request.Content.ReadAsByteArrayAsync(ct).ConfigureAwait(false);
            var content = new ByteArrayContent(body);
            content.Headers.ContentType = request.Content?.Headers.ContentType ?? new MediaTypeHeaderValue("application/json");
            content.Headers.ContentLength = body.Length;
            var hash = Convert.ToBase64String(SHA256.HashData(body));
            content.Headers.Add("x-content-sha256", hash);
            request.Content = content;
            values["content-length"] = body.Length.ToString(CultureInfo.InvariantCulture);
            values["content-type"] = content.Headers.ContentType.ToString();
            values["x-content-sha256"] = hash;
            headers.AddRange(["content-length", "content-type", "x-content-sha256"]);
        }

        var signed = HeadersOverride ?? headers;
        var (keyId, key) = credentials();
        var signature = Sign(key, SigningString(request.Method.Method, uri.PathAndQuery, signed, h => values[h]));
        request.Headers.TryAddWithoutValidation("Authorization", "Signature " + AuthorizationValue(signed, keyId, signature));
    }
}
