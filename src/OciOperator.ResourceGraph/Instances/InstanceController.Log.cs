using Microsoft.Extensions.Logging;

namespace OciOperator.ResourceGraph.Instances;

/// <summary>The instance controller's log messages (EventIds 6220–6229 of the ResourceGraph assembly).</summary>
public sealed partial class InstanceController
{
    [LoggerMessage(EventId = 6220, Level = LogLevel.Information, Message = "Instance controller for {Kind} ({Resource}) starting: {Children} child kinds, {Externals} external kinds watched")]
    private static partial void LogStarting(ILogger logger, string kind, string resource, int children, int externals);

    [LoggerMessage(EventId = 6221, Level = LogLevel.Information, Message = "Instance controller for {Kind} ({Resource}) stopped")]
    private static partial void LogStopped(ILogger logger, string kind, string resource);

    [LoggerMessage(EventId = 6222, Level = LogLevel.Debug, Message = "{ObjectKind} {Object} changed: reconciling {Kind} {Instance}")]
    private static partial void LogMapped(ILogger logger, string objectKind, string @object, string kind, string instance);
}
