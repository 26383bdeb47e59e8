using System.Net.Http;
using OciOperator.Mysql.Api;
using OciOperator.Oci;
using OciOperator.Oci.Auth;
using OciOperator.Oci.Http;
using Polly.CircuitBreaker;
using Polly.RateLimiting;

namespace OciOperator.Mysql.Controllers;

/// <summary>
/// An OCI call that failed, classified: transient failures (429, 5xx, 409 IncorrectState/LockConflict, network,
/// timeouts, an open circuit) are retried with backoff; permanent ones (400, 401, 403, 404 on a create, bad auth
/// configuration) set Failed and are retried slowly. The message is OCI's (already free of secrets) plus the
/// opc-request-id.
/// </summary>
internal sealed record OciFailure(bool Transient, string Reason, string Message, string? OpcRequestId, TimeSpan? RetryAfter)
{
    /// <summary>Classifies <paramref name="ex"/>, or returns null when it is not an OCI/transport failure.</summary>
    public static OciFailure? From(Exception ex, CancellationToken ct) => ex switch
    {
        OciServiceException oci => new OciFailure(
            oci.IsRetryable,
            oci.IsRetryable ? DbSystemConditionReason.OciTransientError : DbSystemConditionReason.OciRequestFailed,
            $"OCI {oci.Operation} returned {oci.StatusCode} {oci.Code}: {oci.ServiceMessage}" + (oci.OpcRequestId is null ? string.Empty : $" (opc-request-id {oci.OpcRequestId})"),
            oci.OpcRequestId,
            oci.RetryAfter),
        OciAuthenticationException auth => new OciFailure(false, DbSystemConditionReason.OciAuthenticationFailed, $"OCI authentication failed: {auth.Message}", null, null),
        OciConfigurationException config => new OciFailure(false, DbSystemConditionReason.OciConfigurationInvalid, $"OCI configuration is invalid: {config.Message}", null, null),
        BrokenCircuitException broken => new OciFailure(true, DbSystemConditionReason.OciUnavailable, "Calls to OCI are paused after repeated failures (circuit open); they resume shortly.", null, broken.RetryAfter),
        RateLimiterRejectedException limited => new OciFailure(true, DbSystemConditionReason.OciRateLimited, "The client-side OCI rate limit is exhausted; the call is retried.", null, limited.RetryAfter),
        HttpRequestException http => new OciFailure(true, DbSystemConditionReason.OciUnreachable, $"OCI could not be reached: {http.Message}", null, null),
        TimeoutException or Polly.Timeout.TimeoutRejectedException => new OciFailure(true, DbSystemConditionReason.OciTimeout, "The OCI call timed out.", null, null),
        OperationCanceledException when !ct.IsCancellationRequested => new OciFailure(true, DbSystemConditionReason.OciTimeout, "The OCI call timed out.", null, null),
        _ => null,
    };

    /// <summary>
    /// The message without the opc-request-id (which is new on every attempt): what Events carry, so the repeats of one
    /// failure fold into one Event series; the request id stays in status.
    /// </summary>
    public string EventMessage => OpcRequestId is null ? Message : Message.Replace($" (opc-request-id {OpcRequestId})", string.Empty, StringComparison.Ordinal);
}
