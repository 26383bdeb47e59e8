using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace OciOperator.Sandbox.Oci.Signing;

/// <summary>
/// Verifies OCI request signatures (draft-cavage-http-signatures-08, rsa-sha256) with the emulator's own code:
/// required headers per method, body hash and length, date freshness, then the RSA PKCS#1 v1.5 signature.
/// </summary>
internal sealed class SignatureVerifier(Func<string, SigningKeyLookup> resolveKey, TimeProvider timeProvider, TimeSpan maxClockSkew)
{
    private static readonly string[] GenericHeaders = ["(request-target)", "host"];
    private static readonly string[] BodyHeaders = ["content-length", "content-type", "x-content-sha256"];

    /// <summary>Checks <paramref name="request"/>; <paramref name="requireHost"/> is false only where an SDK omits it (federation).</summary>
    public SignatureCheck Verify(SignedRequest request, bool requireHost = true)
    {
        var parameters = SignatureParameters.TryParse(request.Header("authorization"), out var parseFailure);
        if (parameters is null)
        {
            return SignatureCheck.Rejected(parseFailure);
        }

        if (!string.Equals(parameters.Algorithm, "rsa-sha256", StringComparison.OrdinalIgnoreCase))
        {
            return SignatureCheck.Rejected($"The signing algorithm '{parameters.Algorithm}' is not supported (rsa-sha256 is required).");
        }

        if (parameters.Version is not null && parameters.Version != "1")
        {
            return SignatureCheck.Rejected($"The signature version '{parameters.Version}' is not supported.");
        }

        var missing = MissingRequiredHeaders(request, parameters.Headers, requireHost);
        if (missing is not null)
        {
            return SignatureCheck.Rejected(missing);
        }

        var bodyFailure = CheckBody(request, parameters.Headers);
        if (bodyFailure is not null)
        {
            return SignatureCheck.Rejected(bodyFailure);
        }

        var dateFailure = CheckDate(request, parameters.Headers);
        if (dateFailure is not null)
        {
            return SignatureCheck.Rejected(dateFailure);
        }

        var signingString = BuildSigningString(request, parameters.Headers, out var stringFailure);
        if (signingString is null)
        {
            return SignatureCheck.Rejected(stringFailure);
        }

        var key = resolveKey(parameters.KeyId);
        if (key.PublicKey is null || key.Principal is null)
        {
            return SignatureCheck.Rejected(key.Failure ?? "The keyId is not known.");
        }

        bool valid;
        try
        {
            valid = key.PublicKey.VerifyData(
                Encoding.UTF8.GetBytes(signingString), parameters.Signature, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        }
        finally
        {
            if (key.OwnsKey)
            {
                key.PublicKey.Dispose();
            }
        }

        return valid
            ? SignatureCheck.Accepted(key.Principal)
            : SignatureCheck.Rejected("The signature does not match the request (wrong key, or the request was changed after signing).");
    }

    /// <summary>The signing string: one <c>name: value</c> line per signed header, joined by LF, no trailing LF.</summary>
    public static string? BuildSigningString(SignedRequest request, IReadOnlyList<string> headers, out string failure)
    {
        failure = string.Empty;
        var lines = new List<string>(headers.Count);
        foreach (var name in headers)
        {
            if (name == "(request-target)")
            {
                lines.Add($"(request-target): {request.Method.ToLowerInvariant()} {request.RequestTarget}");
                continue;
            }

            var value = request.Header(name);
            if (value is null)
            {
                failure = $"The signed header '{name}' is not present in the request.";
                return null;
            }

            lines.Add($"{name}: {value}");
        }

        return string.Join('\n', lines);
    }

    private static string? MissingRequiredHeaders(SignedRequest request, IReadOnlyList<string> signed, bool requireHost)
    {
        var required = new List<string>(GenericHeaders.Where(h => requireHost || h != "host"));
        if (request.HasBodyHeaders)
        {
            required.AddRange(BodyHeaders);
        }

        var notSigned = required.Where(h => !signed.Contains(h)).ToList();
        if (!signed.Contains("date") && !signed.Contains("x-date"))
        {
            notSigned.Insert(0, "date");
        }

        return notSigned.Count == 0
            ? null
            : $"The signature must cover the header(s) {string.Join(", ", notSigned)} for a {request.Method.ToUpperInvariant()} request.";
    }

    private static string? CheckBody(SignedRequest request, IReadOnlyList<string> signed)
    {
        if (signed.Contains("x-content-sha256"))
        {
            var expected = Convert.ToBase64String(SHA256.HashData(request.Body.Span));
            if (!string.Equals(request.Header("x-content-sha256"), expected, StringComparison.Ordinal))
            {
                return "The x-content-sha256 header does not match the SHA-256 of the body.";
            }
        }

        if (signed.Contains("content-length"))
        {
            var declared = request.Header("content-length");
            if (!long.TryParse(declared, NumberStyles.None, CultureInfo.InvariantCulture, out var length) || length != request.Body.Length)
            {
                return "The content-length header does not match the body length.";
            }
        }

        return null;
    }

    private string? CheckDate(SignedRequest request, IReadOnlyList<string> signed)
    {
        var name = signed.Contains("x-date") ? "x-date" : "date";
        var text = request.Header(name);
        if (text is null || !HttpDate.TryParse(text, out var date))
        {
            return $"The {name} header is missing or not an RFC 1123 date.";
        }

        var skew = (timeProvider.GetUtcNow() - date).Duration();
        return skew > maxClockSkew
            ? $"The {name} header differs from the service clock by {skew.TotalSeconds:F0} s (more than {maxClockSkew.TotalSeconds:F0} s allowed); check the client's clock."
            : null;
    }
}
