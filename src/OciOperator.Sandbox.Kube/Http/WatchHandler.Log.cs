using Microsoft.Extensions.Logging;

namespace OciOperator.Sandbox.Kube.Http;

/// <summary>Source-generated log messages of watches.</summary>
internal sealed partial class WatchHandler
{
    [LoggerMessage(EventId = 8002, Level = LogLevel.Debug, Message = "Watch on {Resource} ended after {Events} events")]
    private static partial void LogWatchEnded(ILogger logger, string resource, long events);
}
