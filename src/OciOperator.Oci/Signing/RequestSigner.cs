using System.Globalization;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;

namespace OciOperator.Oci.Signing;

/// <summary>
/// OCI request signing, draft-cavage-http-signatures-08 with RSA PKCS#1 v1.5 + SHA-256 (oci.md §1).
/// Stateless and thread-safe.
/// </summary>
public static class RequestSigner
{
    /// <summary>x-content-sha256 of an empty body.</summary>
    public const string EmptyBodySha256 = "47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU=";

    /// <summary>RFC 1123 date as OCI expects it, e.g. <c>Thu, 05 Jan 2014 21:31:40 GMT</c>.</summary>
    public static string FormatDate(DateTimeOffset time) =>
        time.UtcDateTime.ToString("ddd, dd MMM yyyy HH:mm:ss 'GMT'", CultureInfo.InvariantCulture);

    /// <summary>base64(SHA-256(body)).</summary>
    public static string ContentSha256(ReadOnlySpan<byte> body) => Convert.ToBase64String(SHA256.HashData(body));

    /// <summary>Computes the signature for <paramref name="input"/> with <paramref name="credentials"/>.</summary>
    public static RequestSignature Sign(SigningInput input, SigningCredentials credentials)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(credentials);
        var withBody = SignedHeaders.HasSignedBody(input.Method);
        var headers = input.Headers ?? (withBody ? SignedHeaders.WithBody : SignedHeaders.Generic);
        string? sha = null;
        long? length = null;
        if (withBody)
        {
            sha = ContentSha256(input.Body.Span);
            length = input.Body.Length;
        }

        var lines = new StringBuilder();
        foreach (var name in headers)
        {
            if (lines.Length > 0)
            {
                lines.Append('\n');
            }

            lines.Append(name).Append(": ").Append(HeaderValue(name, input, sha, length));
        }

        var signingString = lines.ToString();
        var signature = Convert.ToBase64String(credentials.PrivateKey.SignData(
            Encoding.UTF8.GetBytes(signingString), HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1));
        var authorization = string.Create(CultureInfo.InvariantCulture,
            $"Signature version=\"1\",headers=\"{string.Join(' ', headers)}\",keyId=\"{credentials.KeyId}\",algorithm=\"rsa-sha256\",signature=\"{signature}\"");
        return new RequestSignature(authorization, signingString, signature, sha, length);
    }

    /// <summary>
    /// Signs an outgoing request in place: sets Date, Host-derived signing, body headers and Authorization.
    /// The request content must be a fully buffered byte payload (the exact bytes transmitted are hashed).
    /// </summary>
    public static Task SignAsync(HttpRequestMessage request, SigningCredentials credentials, DateTimeOffset now, CancellationToken ct) =>
        SignAsync(request, credentials, FormatDate(now), ct);

    /// <summary>Signs with a literal date string (the published vectors use a date whose weekday is not real).</summary>
    public static async Task SignAsync(HttpRequestMessage request, SigningCredentials credentials, string date, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        var uri = request.RequestUri ?? throw new ArgumentException("The request has no URI.", nameof(request));
        var method = request.Method.Method;
        var body = ReadOnlyMemory<byte>.Empty;
        var contentType = "application/json";
        if (SignedHeaders.HasSignedBody(method))
        {
            if (request.Content is null)
            {
                request.Content = new ByteArrayContent([]);
            }

            body = await request.Content.ReadAsByteArrayAsync(ct).ConfigureAwait(false);
            if (request.Content.Headers.ContentType is null)
            {
                request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
            }

            contentType = request.Content.Headers.ContentType.ToString();
        }

        var host = request.Headers.Host ?? (uri.IsDefaultPort ? uri.Host : $"{uri.Host}:{uri.Port}");
        var signature = Sign(new SigningInput(method, uri.PathAndQuery, host, date, body, contentType), credentials);
        request.Headers.Remove("date");
        request.Headers.TryAddWithoutValidation("date", date);
        if (signature.ContentSha256 is not null && request.Content is not null)
        {
            request.Content.Headers.Remove("x-content-sha256");
            request.Content.Headers.TryAddWithoutValidation("x-content-sha256", signature.ContentSha256);
            request.Content.Headers.ContentLength = signature.ContentLength;
        }

        request.Headers.Remove("authorization");
        request.Headers.TryAddWithoutValidation("authorization", signature.Authorization);
    }

    private static string HeaderValue(string name, SigningInput input, string? sha, long? length) => name switch
    {
        "date" => input.Date,
        "(request-target)" => input.Method.ToLowerInvariant() + " " + input.RequestTarget,
        "host" => input.Host,
        "content-length" => (length ?? input.Body.Length).ToString(CultureInfo.InvariantCulture),
        "content-type" => input.ContentType,
        "x-content-sha256" => sha ?? ContentSha256(input.Body.Span),
        _ => throw new ArgumentException($"Header '{name}' has no value in the signing input.", nameof(input)),
    };
}
