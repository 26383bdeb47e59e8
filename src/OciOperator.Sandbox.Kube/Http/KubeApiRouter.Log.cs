using Microsoft.Extensions.Logging;

namespace OciOperator.Sandbox.Kube.Http;

/// <summary>Source-generated log messages of the request router (never bodies: they may hold secrets).</summary>
internal sealed partial class KubeApiRouter
{
    [LoggerMessage(EventId = 8001, Level = LogLevel.Debug, Message = "{Method} {Path} failed with {Code}: {Message}")]
    private static partial void LogRequestFailed(ILogger logger, string method, string path, int code, string message);

    [LoggerMessage(EventId = 8003, Level = LogLevel.Error, Message = "{Method} {Path} crashed")]
    private static partial void LogRequestCrashed(ILogger logger, string method, string path, Exception exception);
}
