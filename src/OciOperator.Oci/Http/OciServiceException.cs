using System.Net;

namespace OciOperator.Oci.Http;

/// <summary>
/// A non-2xx answer from an OCI service: status, OCI error code, message, opc-request-id and the operation.
/// Messages never contain request secrets (known secret values are scrubbed from the service message).
/// </summary>
public sealed class OciServiceException : Exception
{
    /// <summary>Creates the exception.</summary>
    public OciServiceException(string operation, HttpStatusCode status, string code, string serviceMessage, string? opcRequestId, TimeSpan? retryAfter = null)
        : base($"OCI {operation} failed: {(int)status} {code}: {serviceMessage}{(opcRequestId is null ? string.Empty : $" (opc-request-id {opcRequestId})")}")
    {
        Operation = operation;
        Status = status;
        Code = code;
        ServiceMessage = serviceMessage;
        OpcRequestId = opcRequestId;
        RetryAfter = retryAfter;
    }

    /// <summary>Creates the exception.</summary>
    public OciServiceException()
        : this("Unknown", HttpStatusCode.InternalServerError, "Unknown", "unknown error", null)
    {
    }

    /// <summary>Creates the exception.</summary>
    public OciServiceException(string message)
        : this("Unknown", HttpStatusCode.InternalServerError, "Unknown", message, null)
    {
    }

    /// <summary>Creates the exception.</summary>
    public OciServiceException(string message, Exception innerException)
        : base(message, innerException)
    {
        Operation = "Unknown";
        Code = "Unknown";
        ServiceMessage = message;
        Status = HttpStatusCode.InternalServerError;
    }

    /// <summary>The API operation (e.g. <c>CreateDbSystem</c>).</summary>
    public string Operation { get; }

    /// <summary>HTTP status.</summary>
    public HttpStatusCode Status { get; }

    /// <summary>Numeric HTTP status.</summary>
    public int StatusCode => (int)Status;

    /// <summary>OCI error code (<c>BadErrorResponse</c> when the body could not be parsed).</summary>
    public string Code { get; }

    /// <summary>The service's message (scrubbed of secrets).</summary>
    public string ServiceMessage { get; }

    /// <summary>The <c>opc-request-id</c> of the failed call.</summary>
    public string? OpcRequestId { get; }

    /// <summary>The server's <c>Date</c> header (clock-skew diagnosis).</summary>
    public DateTimeOffset? ServerDate { get; init; }

    /// <summary>The <c>retry-after</c> the service asked for, if any.</summary>
    public TimeSpan? RetryAfter { get; }

    /// <summary>OCI's default retry rule (oci.md §5.7): 409 IncorrectState/LockConflict, 429, 500–504 except 501.</summary>
    public bool IsRetryable =>
        (StatusCode == 409 && Code is "IncorrectState" or "LockConflict")
        || StatusCode == 429
        || (StatusCode is >= 500 and < 505 && StatusCode != 501);

    /// <summary>404 (NotFound or NotAuthorizedOrNotFound).</summary>
    public bool IsNotFound => StatusCode == 404;

    /// <summary>409 or 412 (state conflict, etag mismatch).</summary>
    public bool IsConflict => StatusCode is 409 or 412;

    /// <summary>401, or 403 NotAuthorized/NotAllowed.</summary>
    public bool IsAuth => StatusCode == 401 || StatusCode == 403;
}
