using Microsoft.Extensions.Logging;

namespace OciOperator.ResourceGraph.Definitions;

public sealed partial class RgdReconciler
{
    [LoggerMessage(EventId = 6100, Level = LogLevel.Debug, Message = "Built ResourceGraphDefinition {Rgd} generation {Generation}: {Outcome} in {Milliseconds:F1} ms")]
    private static partial void LogBuilt(ILogger logger, string rgd, long generation, string outcome, double milliseconds);

    [LoggerMessage(EventId = 6101, Level = LogLevel.Warning, Message = "ResourceGraphDefinition {Rgd} generation {Generation} is invalid ({Count} errors); the last good graph keeps serving: {Serving}")]
    private static partial void LogInvalid(ILogger logger, string rgd, long generation, int count, bool serving);

    [LoggerMessage(EventId = 6102, Level = LogLevel.Information, Message = "ResourceGraphDefinition {Rgd} waits for CRDs: {Detail}")]
    private static partial void LogWaitingForCrds(ILogger logger, string rgd, string detail);

    [LoggerMessage(EventId = 6103, Level = LogLevel.Warning, Message = "ResourceGraphDefinition {Rgd}: the instance CRD cannot be written: {Detail}")]
    private static partial void LogKindFailed(ILogger logger, string rgd, string detail);

    [LoggerMessage(EventId = 6104, Level = LogLevel.Information, Message = "ResourceGraphDefinition {Rgd} wrote CRD {Crd}")]
    private static partial void LogCrdWritten(ILogger logger, string rgd, string crd);

    [LoggerMessage(EventId = 6105, Level = LogLevel.Information, Message = "ResourceGraphDefinition {Rgd} is Active: kind {Kind} is served")]
    private static partial void LogActive(ILogger logger, string rgd, string kind);

    [LoggerMessage(EventId = 6106, Level = LogLevel.Error, Message = "ResourceGraphDefinition {Rgd}: the instance controller failed to start")]
    private static partial void LogServeFailed(ILogger logger, string rgd, Exception exception);

    [LoggerMessage(EventId = 6107, Level = LogLevel.Information, Message = "ResourceGraphDefinition {Rgd} deleted: released {Count} instances of {Resource} (children orphaned)")]
    private static partial void LogInstancesReleased(ILogger logger, string rgd, int count, string resource);

    [LoggerMessage(EventId = 6108, Level = LogLevel.Information, Message = "ResourceGraphDefinition {Rgd} deleted: deleted CRD {Crd} (--allow-crd-deletion)")]
    private static partial void LogCrdDeleted(ILogger logger, string rgd, string crd);

    [LoggerMessage(EventId = 6109, Level = LogLevel.Information, Message = "ResourceGraphDefinition {Rgd} finalized (CRD deleted: {CrdDeleted})")]
    private static partial void LogFinalized(ILogger logger, string rgd, bool crdDeleted);
}
