using Microsoft.Extensions.Logging;

namespace OciOperator.Demo;

internal sealed partial class DemoRun
{
    [LoggerMessage(EventId = 9601, Level = LogLevel.Warning, Message = "The demo could not apply {What} {Name}: {Reason}")]
    private static partial void LogApplyFailed(ILogger logger, string what, string name, string reason);

    [LoggerMessage(EventId = 9602, Level = LogLevel.Warning, Message = "The API server does not serve {Kind} ({ApiVersion}) although its RGD is Active")]
    private static partial void LogKindNotServed(ILogger logger, string kind, string apiVersion);

    [LoggerMessage(EventId = 9603, Level = LogLevel.Error, Message = "The demo stopped")]
    private static partial void LogDemoFailed(ILogger logger, Exception exception);
}
