namespace OciOperator.Sandbox.Oci.Signing;

/// <summary>The parsed parameters of an <c>Authorization: Signature ...</c> header (draft-cavage-http-signatures-08).</summary>
internal sealed record SignatureParameters(
    string? Version,
    IReadOnlyList<string> Headers,
    string KeyId,
    string Algorithm,
    byte[] Signature)
{
    private const string Scheme = "Signature ";

    /// <summary>Parses the header; returns null and a reason when it is not a well-formed signature header.</summary>
    public static SignatureParameters? TryParse(string? authorization, out string failure)
    {
        failure = string.Empty;
        if (string.IsNullOrWhiteSpace(authorization))
        {
            failure = "The request has no Authorization header.";
            return null;
        }

        if (!authorization.StartsWith(Scheme, StringComparison.OrdinalIgnoreCase))
        {
            failure = "The Authorization header does not use the Signature scheme.";
            return null;
        }

        var values = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        var text = authorization.AsSpan(Scheme.Length).Trim();
        while (!text.IsEmpty)
        {
            var eq = text.IndexOf('=');
            if (eq <= 0 || eq + 1 >= text.Length || text[eq + 1] != '"')
            {
                failure = "The Authorization header is malformed (expected name=\"value\" pairs).";
                return null;
            }

            var name = text[..eq].Trim().ToString();
            var rest = text[(eq + 2)..];
            var close = rest.IndexOf('"');
            if (close < 0)
            {
                failure = "The Authorization header has an unterminated quoted value.";
                return null;
            }

            if (!values.TryAdd(name, rest[..close].ToString()))
            {
                failure = $"The Authorization header repeats the parameter '{name}'.";
                return null;
            }

            text = rest[(close + 1)..].TrimStart();
            if (!text.IsEmpty)
            {
                if (text[0] != ',')
                {
                    failure = "The Authorization header is malformed (expected ',' between parameters).";
                    return null;
                }

                text = text[1..].TrimStart();
            }
        }

        if (!values.TryGetValue("keyId", out var keyId) || keyId.Length == 0)
        {
            failure = "The Authorization header has no keyId.";
            return null;
        }

        if (!values.TryGetValue("signature", out var signatureText))
        {
            failure = "The Authorization header has no signature.";
            return null;
        }

        var signature = new byte[signatureText.Length];
        if (!Convert.TryFromBase64String(signatureText, signature, out var length))
        {
            failure = "The signature is not valid base64.";
            return null;
        }

        var algorithm = values.GetValueOrDefault("algorithm", string.Empty);
        var headerList = values.TryGetValue("headers", out var headersText)
            ? headersText.Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(h => h.ToLowerInvariant()).ToArray()
            : ["date"];
        return new SignatureParameters(values.GetValueOrDefault("version"), headerList, keyId, algorithm, signature[..length]);
    }
}
