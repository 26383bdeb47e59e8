using Microsoft.Extensions.Logging;

namespace OciOperator.Runtime.Controllers;

public sealed partial class Controller
{
    [LoggerMessage(EventId = 1200, Level = LogLevel.Information, Message = "Starting controller {Controller} with {Workers} workers")]
    private static partial void LogStarting(ILogger logger, string controller, int workers);

    [LoggerMessage(EventId = 1201, Level = LogLevel.Information, Message = "Controller {Controller} stopped")]
    private static partial void LogStopped(ILogger logger, string controller);

    [LoggerMessage(EventId = 1202, Level = LogLevel.Error, Message = "Reconcile of {Namespace}/{Name} by {Controller} failed (reconcile {ReconcileId}, retry {Retries})")]
    private static partial void LogFailed(ILogger logger, string controller, string? @namespace, string name, string reconcileId, int retries, Exception exception);

    [LoggerMessage(EventId = 1203, Level = LogLevel.Error, Message = "Reconcile of {Namespace}/{Name} by {Controller} failed terminally; not retrying (reconcile {ReconcileId})")]
    private static partial void LogTerminal(ILogger logger, string controller, string? @namespace, string name, string reconcileId, Exception exception);
}
