using Microsoft.Extensions.Logging;

namespace OciOperator.Sandbox.Kube.Simulators.Workloads;

internal sealed partial class WorkloadController
{
    private static partial class Log
    {
        [LoggerMessage(EventId = 8131, Level = LogLevel.Debug, Message = "Reconcile of {Resource} {Key} failed (HTTP {StatusCode}); retrying in {DelayMs} ms: {Error}")]
        public static partial void ReconcileFailed(ILogger logger, string resource, string key, int statusCode, double delayMs, string error);
    }
}
