namespace OciOperator.Sandbox.Oci.Signing;

/// <summary>What the verifier needs of a received request: method, raw request target, headers and body bytes.</summary>
/// <param name="Method">HTTP method, any case.</param>
/// <param name="RequestTarget">Path and query exactly as received on the wire (no decoding).</param>
/// <param name="Headers">Header values by name (case-insensitive lookup).</param>
/// <param name="Body">The exact body bytes received.</param>
internal sealed record SignedRequest(
    string Method,
    string RequestTarget,
    IReadOnlyDictionary<string, string> Headers,
    ReadOnlyMemory<byte> Body)
{
    public bool HasBodyHeaders => Method.ToUpperInvariant() is "POST" or "PUT" or "PATCH";

    public string? Header(string name) => Headers.TryGetValue(name, out var value) ? value : null;
}
