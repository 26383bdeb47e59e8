using Microsoft.Extensions.Logging;

namespace OciOperator.Sandbox.Kube.Simulators;

internal sealed partial class SimulatorController
{
    private static partial class Log
    {
        [LoggerMessage(EventId = 8111, Level = LogLevel.Debug, Message = "Simulated {Resource} {Key}: status {Patch}")]
        public static partial void StatusWritten(ILogger logger, string resource, string key, string patch);

        [LoggerMessage(EventId = 8112, Level = LogLevel.Information, Message = "Simulated {Resource} {Key} is gone; forgetting it")]
        public static partial void Gone(ILogger logger, string resource, string key);

        [LoggerMessage(EventId = 8113, Level = LogLevel.Warning, Message = "Status write for {Resource} {Key} failed (HTTP {StatusCode}); retrying in {DelayMs} ms: {Error}")]
        public static partial void WriteFailed(ILogger logger, string resource, string key, int statusCode, double delayMs, string error);
    }
}
