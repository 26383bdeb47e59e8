using Microsoft.Extensions.Logging;

namespace OciOperator.Oci.Http;

/// <summary>Source-generated logs of the OCI call pipeline (never bodies, never credentials).</summary>
public sealed partial class OciHttpPipeline
{
    [LoggerMessage(EventId = 4001, Level = LogLevel.Warning, Message = "OCI {Operation} failed: {Status} {Code} (opc-request-id {OpcRequestId})")]
    private static partial void LogCallFailed(ILogger logger, string operation, int status, string code, string? opcRequestId);

    [LoggerMessage(EventId = 4002, Level = LogLevel.Information, Message = "OCI {Operation} attempt failed with {Status}; retry {Retry} in {Delay}")]
    private static partial void LogRetry(ILogger logger, string operation, string status, int retry, TimeSpan delay);

    [LoggerMessage(EventId = 4003, Level = LogLevel.Warning, Message = "OCI {Operation} rejected: the circuit breaker is open after sustained failures")]
    private static partial void LogCircuitOpen(ILogger logger, string operation);

    [LoggerMessage(EventId = 4004, Level = LogLevel.Warning, Message = "OCI {Operation} failed with a network error ({ErrorType})")]
    private static partial void LogNetworkFailure(ILogger logger, string operation, string errorType);
}
