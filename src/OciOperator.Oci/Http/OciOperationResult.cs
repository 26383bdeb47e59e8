namespace OciOperator.Oci.Http;

/// <summary>The answer of a body-less operation (Update/Delete): request and work-request ids.</summary>
public sealed record OciOperationResult(string? OpcRequestId, string? OpcWorkRequestId);
