using Microsoft.Extensions.Logging;

namespace OciOperator.ResourceGraph.Instances;

/// <summary>The reconciler's log messages (EventIds 6200–6219 of the ResourceGraph assembly). Never a Secret's value.</summary>
public sealed partial class InstanceReconciler
{
    [LoggerMessage(EventId = 6200, Level = LogLevel.Information, Message = "Instance {Kind} {Instance}: state {From} -> {To}: {Message}")]
    private static partial void LogStateChanged(ILogger logger, string kind, string instance, string from, string to, string message);

    [LoggerMessage(EventId = 6201, Level = LogLevel.Warning, Message = "Instance {Kind} {Instance} is in ERROR: {Message}")]
    private static partial void LogInError(ILogger logger, string kind, string instance, string message);

    [LoggerMessage(EventId = 6202, Level = LogLevel.Debug, Message = "Instance {Kind} {Instance}: applied {ChildKind} {Child} (node {Node})")]
    private static partial void LogApplied(ILogger logger, string kind, string instance, string childKind, string child, string node);

    [LoggerMessage(EventId = 6203, Level = LogLevel.Information, Message = "Instance {Kind} {Instance}: pruned {ChildKind} {Child} (node {Node})")]
    private static partial void LogPruned(ILogger logger, string kind, string instance, string childKind, string child, string node);

    [LoggerMessage(EventId = 6204, Level = LogLevel.Information, Message = "Instance {Kind} {Instance}: deleting {ChildKind} {Child} (node {Node})")]
    private static partial void LogDeletingChild(ILogger logger, string kind, string instance, string childKind, string child, string node);

    [LoggerMessage(EventId = 6205, Level = LogLevel.Information, Message = "Instance {Kind} {Instance}: every child is gone, finalizer released")]
    private static partial void LogReleased(ILogger logger, string kind, string instance);

    [LoggerMessage(EventId = 6206, Level = LogLevel.Debug, Message = "Instance {Kind} {Instance}: reconciliation suspended by kro.run/reconcile")]
    private static partial void LogSuspended(ILogger logger, string kind, string instance);

    [LoggerMessage(EventId = 6207, Level = LogLevel.Debug, Message = "Instance {Kind} {Instance}: status unchanged, no write")]
    private static partial void LogStatusUnchanged(ILogger logger, string kind, string instance);

    [LoggerMessage(EventId = 6208, Level = LogLevel.Debug, Message = "Instance {Kind} {Instance}: {ChildKind} {Child} answered {StatusCode}; retrying soon")]
    private static partial void LogTransient(ILogger logger, string kind, string instance, string childKind, string child, int statusCode);

    [LoggerMessage(EventId = 6209, Level = LogLevel.Debug, Message = "Instance {Kind} {Instance}: the stored instance moved on (409 Conflict); reconciling again")]
    private static partial void LogConflict(ILogger logger, string kind, string instance);

    [LoggerMessage(EventId = 6210, Level = LogLevel.Warning, Message = "Instance {Kind} {Instance}: could not prune {ChildKind} {Child}: the API server answered {StatusCode}")]
    private static partial void LogPruneFailed(ILogger logger, string kind, string instance, string childKind, string child, int statusCode);

    [LoggerMessage(EventId = 6211, Level = LogLevel.Debug, Message = "Instance {Kind} {Instance}: {GroupKind} of the ApplySet inventory is not served any more; nothing of it to prune")]
    private static partial void LogInventoryKindGone(ILogger logger, string kind, string instance, string groupKind);
}
