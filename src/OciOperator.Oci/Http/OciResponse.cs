using System.Net;

namespace OciOperator.Oci.Http;

/// <summary>The parts of an OCI answer the API layer needs.</summary>
public sealed record OciResponse(
    HttpStatusCode Status,
    ReadOnlyMemory<byte> Body,
    string? OpcRequestId,
    string? ETag,
    string? OpcWorkRequestId,
    string? OpcNextPage,
    string? Location,
    TimeSpan? RetryAfter);
