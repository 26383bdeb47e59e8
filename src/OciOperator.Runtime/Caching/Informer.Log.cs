using Microsoft.Extensions.Logging;

namespace OciOperator.Runtime.Caching;

public sealed partial class Informer<T>
{
    [LoggerMessage(EventId = 1100, Level = LogLevel.Debug, Message = "Listed {Resource}: {Count} objects at resourceVersion {ResourceVersion}")]
    private static partial void LogListed(ILogger logger, string resource, int count, string resourceVersion);

    [LoggerMessage(EventId = 1101, Level = LogLevel.Debug, Message = "Watch of {Resource} expired at resourceVersion {ResourceVersion}; relisting")]
    private static partial void LogExpired(ILogger logger, string resource, string resourceVersion);

    [LoggerMessage(EventId = 1102, Level = LogLevel.Warning, Message = "List/watch of {Resource} failed; retrying in {DelaySeconds}s")]
    private static partial void LogListWatchFailed(ILogger logger, string resource, double delaySeconds, Exception exception);

    [LoggerMessage(EventId = 1103, Level = LogLevel.Error, Message = "An event handler of the {Resource} informer failed")]
    private static partial void LogHandlerFailed(ILogger logger, string resource, Exception exception);

    [LoggerMessage(EventId = 1104, Level = LogLevel.Warning, Message = "The API server does not serve {Resource}: is the CustomResourceDefinition of {Kind} installed? Retrying in {DelaySeconds}s")]
    private static partial void LogNotServed(ILogger logger, string resource, string kind, double delaySeconds);

    [LoggerMessage(EventId = 1105, Level = LogLevel.Warning, Message = "Cannot decode {Kind} {Namespace}/{Name} (resourceVersion {ResourceVersion}) from {Resource}; it is skipped until it changes: {Reason}")]
    private static partial void LogUndecodable(ILogger logger, string kind, string? @namespace, string name, string resourceVersion, string resource, string reason);

    [LoggerMessage(EventId = 1106, Level = LogLevel.Warning, Message = "Could not record the FailedDecode Event on {Namespace}/{Name}")]
    private static partial void LogReportFailed(ILogger logger, string? @namespace, string name, Exception exception);

    [LoggerMessage(EventId = 1107, Level = LogLevel.Warning, Message = "List/watch of {Resource} failed; retrying in {DelaySeconds}s: {Error}")]
    private static partial void LogListWatchUnavailable(ILogger logger, string resource, double delaySeconds, string error);
}
