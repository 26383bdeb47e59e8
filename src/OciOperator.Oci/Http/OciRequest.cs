namespace OciOperator.Oci.Http;

/// <summary>
/// One logical OCI API call. The body bytes are replayed unchanged on every attempt; <see cref="Headers"/> (e.g. the
/// <c>opc-retry-token</c>) stay the same across attempts. <see cref="Secrets"/> are values that must never appear in
/// errors or logs (the admin password of a create/update).
/// </summary>
public sealed record OciRequest(string Operation, HttpMethod Method, string Path)
{
    /// <summary>Query parameters in send order (values are percent-escaped when sent).</summary>
    public IReadOnlyList<KeyValuePair<string, string>> Query { get; init; } = [];

    /// <summary>Extra request headers.</summary>
    public IReadOnlyList<KeyValuePair<string, string>> Headers { get; init; } = [];

    /// <summary>The exact JSON body bytes (null for GET/DELETE; empty for a body-less POST).</summary>
    public ReadOnlyMemory<byte>? Body { get; init; }

    /// <summary>
    /// Secret values of this request: an error message that contains one is replaced as a whole (a masked copy would
    /// reveal the value by its gap).
    /// </summary>
    public IReadOnlyList<OciSecret> Secrets { get; init; } = [];

    /// <summary>Status codes other than 2xx treated as success (e.g. 304 for If-None-Match).</summary>
    public IReadOnlyList<int> ExtraSuccessCodes { get; init; } = [];
}
