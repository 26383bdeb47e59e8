namespace OciOperator.Oci.Http;

/// <summary>A typed answer plus the headers callers need.</summary>
public sealed record OciResult<T>(T Value, string? ETag, string? OpcRequestId, string? OpcWorkRequestId, TimeSpan? RetryAfter = null);
