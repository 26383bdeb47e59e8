namespace OciOperator.Sandbox.Oci;

/// <summary>One request the emulator answered.</summary>
/// <param name="Operation">OCI operation name, e.g. <c>CreateDbSystem</c>, <c>GetInstanceRegion</c>, <c>FederateX509</c>.</param>
/// <param name="Status">HTTP status sent (0 when the connection was reset or the request hung until the client gave up).</param>
/// <param name="ErrorCode">OCI error code of a failed call, or the injected fault.</param>
public sealed record OciCall(
    string Operation,
    string Method,
    string Path,
    int Status,
    string OpcRequestId,
    DateTimeOffset Time,
    string? ErrorCode,
    string? RetryToken);
