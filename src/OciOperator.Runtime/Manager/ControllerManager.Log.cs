using Microsoft.Extensions.Logging;

namespace OciOperator.Runtime.Manager;

public sealed partial class ControllerManager
{
    [LoggerMessage(EventId = 1300, Level = LogLevel.Information, Message = "Manager started with {Runnables} runnables (leader election: {LeaderElection})")]
    private static partial void LogStarted(ILogger logger, int runnables, bool leaderElection);

    [LoggerMessage(EventId = 1301, Level = LogLevel.Information, Message = "Manager stopped")]
    private static partial void LogStopped(ILogger logger);

    [LoggerMessage(EventId = 1302, Level = LogLevel.Information, Message = "{Identity} became the leader")]
    private static partial void LogStartedLeading(ILogger logger, string identity);

    [LoggerMessage(EventId = 1303, Level = LogLevel.Warning, Message = "{Identity} lost the lease; leader-only controllers stopped and the manager ends")]
    private static partial void LogLeadershipLost(ILogger logger, string identity);

    [LoggerMessage(EventId = 1304, Level = LogLevel.Information, Message = "Observed leader {Identity}")]
    private static partial void LogNewLeader(ILogger logger, string identity);

    [LoggerMessage(EventId = 1305, Level = LogLevel.Warning, Message = "Runnables did not stop within {Seconds}s")]
    private static partial void LogShutdownTimeout(ILogger logger, double seconds);

    [LoggerMessage(EventId = 1306, Level = LogLevel.Critical, Message = "Manager failed; stopping: {Reason}")]
    private static partial void LogFailed(ILogger logger, string reason, Exception exception);
}
