using Microsoft.Extensions.Logging;

namespace OciOperator.ResourceGraph.Definitions;

public sealed partial class GraphServer
{
    [LoggerMessage(EventId = 6120, Level = LogLevel.Information, Message = "Serving kind {Kind} of ResourceGraphDefinition {Rgd} ({Resource})")]
    private static partial void LogStarted(ILogger logger, string rgd, string kind, string resource);

    [LoggerMessage(EventId = 6121, Level = LogLevel.Information, Message = "Replacing the graph of ResourceGraphDefinition {Rgd} (kind {Kind}): stopping the old instance controller")]
    private static partial void LogReplaced(ILogger logger, string rgd, string kind);

    [LoggerMessage(EventId = 6122, Level = LogLevel.Information, Message = "Stopped serving the kind of ResourceGraphDefinition {Rgd}")]
    private static partial void LogStopped(ILogger logger, string rgd);

    [LoggerMessage(EventId = 6123, Level = LogLevel.Debug, Message = "Instance controller of ResourceGraphDefinition {Rgd} synced ({Resource})")]
    private static partial void LogSynced(ILogger logger, string rgd, string resource);
}
