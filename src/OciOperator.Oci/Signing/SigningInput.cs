namespace OciOperator.Oci.Signing;

/// <summary>
/// Everything that goes into an OCI signature: the method, the request target as sent on the wire
/// (path and raw query), the host header value, the date string and, for body methods, the exact body bytes.
/// </summary>
public sealed record SigningInput(
    string Method,
    string RequestTarget,
    string Host,
    string Date,
    ReadOnlyMemory<byte> Body = default,
    string ContentType = "application/json",
    IReadOnlyList<string>? Headers = null);
