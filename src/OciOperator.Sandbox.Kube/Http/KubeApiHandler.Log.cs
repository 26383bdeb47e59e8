using Microsoft.Extensions.Logging;

namespace OciOperator.Sandbox.Kube.Http;

/// <summary>Source-generated log messages of the API handler (never bodies: they may hold secrets).</summary>
internal sealed partial class KubeApiHandler
{
    [LoggerMessage(EventId = 8001, Level = LogLevel.Debug, Message = "{Method} {Path} failed with {Code}: {Message}")]
    private static partial void LogRequestFailed(ILogger logger, string method, string path, int code, string message);

    [LoggerMessage(EventId = 8003, Level = LogLevel.Error, Message = "{Method} {Path} crashed")]
    private static partial void LogRequestCrashed(ILogger logger, string method, string path, Exception exception);

    [LoggerMessage(EventId = 8002, Level = LogLevel.Debug, Message = "Watch on {Resource} ended after {Events} events")]
    private static partial void LogWatchEnded(ILogger logger, string resource, long events);
}
