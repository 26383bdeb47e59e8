namespace OciOperator.Oci.Signing;

/// <summary>The header lists OCI signs (oci.md §1.1), in the SDKs' order.</summary>
public static class SignedHeaders
{
    /// <summary>GET, DELETE, HEAD.</summary>
    public static IReadOnlyList<string> Generic { get; } = ["date", "(request-target)", "host"];

    /// <summary>POST, PUT, PATCH.</summary>
    public static IReadOnlyList<string> WithBody { get; } =
        ["date", "(request-target)", "host", "content-length", "content-type", "x-content-sha256"];

    /// <summary>True for the methods whose body is signed.</summary>
    public static bool HasSignedBody(string method) =>
        method.Equals("POST", StringComparison.OrdinalIgnoreCase)
        || method.Equals("PUT", StringComparison.OrdinalIgnoreCase)
        || method.Equals("PATCH", StringComparison.OrdinalIgnoreCase);
}
