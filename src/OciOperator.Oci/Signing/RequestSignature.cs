namespace OciOperator.Oci.Signing;

/// <summary>The result of signing: the Authorization header value plus the body headers the server must see.</summary>
public sealed record RequestSignature(
    string Authorization,
    string SigningString,
    string Signature,
    string? ContentSha256,
    long? ContentLength);
