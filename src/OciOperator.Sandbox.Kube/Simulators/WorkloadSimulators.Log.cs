using Microsoft.Extensions.Logging;

namespace OciOperator.Sandbox.Kube.Simulators;

public sealed partial class WorkloadSimulators
{
    private static partial class Log
    {
        [LoggerMessage(EventId = 8121, Level = LogLevel.Information, Message = "Workload simulators started against {ApiServer}: {Simulators}")]
        public static partial void Started(ILogger logger, Uri apiServer, string simulators);

        [LoggerMessage(EventId = 8122, Level = LogLevel.Error, Message = "Workload simulator {Simulator} stopped unexpectedly")]
        public static partial void Crashed(ILogger logger, string simulator, Exception exception);
    }
}
