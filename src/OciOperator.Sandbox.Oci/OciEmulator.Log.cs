using Microsoft.Extensions.Logging;

namespace OciOperator.Sandbox.Oci;

/// <summary>Source-generated log messages (no secrets: never a key, token or password).</summary>
public sealed partial class OciEmulator
{
    [LoggerMessage(EventId = 9001, Level = LogLevel.Information, Message = "OCI emulator listening on {BaseAddress}")]
    private partial void LogStarted(Uri baseAddress);

    [LoggerMessage(EventId = 9002, Level = LogLevel.Warning, Message = "OCI emulator rejected the signature of {Operation}: {Reason}")]
    private partial void LogSignatureRejected(string operation, string reason);

    [LoggerMessage(EventId = 9003, Level = LogLevel.Information, Message = "OCI emulator injected {Fault} into {Operation}")]
    private partial void LogFaultInjected(string operation, string fault);
}
