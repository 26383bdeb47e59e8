using Microsoft.Extensions.Logging;

namespace OciOperator.Sandbox.Kube.Simulators.Client;

internal sealed partial class ResourceInformer
{
    private static partial class Log
    {
        [LoggerMessage(EventId = 8101, Level = LogLevel.Debug, Message = "Listed {Path}: {Count} objects at resourceVersion {ResourceVersion}")]
        public static partial void Listed(ILogger logger, string path, int count, string resourceVersion);

        [LoggerMessage(EventId = 8102, Level = LogLevel.Debug, Message = "Watch of {Path} expired at resourceVersion {ResourceVersion}; relisting")]
        public static partial void WatchExpired(ILogger logger, string path, string resourceVersion);

        [LoggerMessage(EventId = 8103, Level = LogLevel.Warning, Message = "List/watch of {Path} failed; retrying in {DelayMs} ms: {Error}")]
        public static partial void WatchFailed(ILogger logger, string path, double delayMs, string error);
    }
}
