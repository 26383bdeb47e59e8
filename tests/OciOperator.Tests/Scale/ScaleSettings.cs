using System.Globalization;

namespace OciOperator.Tests.Scale;

/// <summary>
/// A scale run's size and knobs, from the environment (never set in CI, so the run is skipped there):
/// <c>OCI_OPERATOR_SCALE</c> instances (required), <c>OCI_OPERATOR_SCALE_DELAY_MS</c> of every simulated step (50),
/// <c>OCI_OPERATOR_SCALE_NAMESPACES</c> (one per 100 instances), the operator's <c>--kube-api-qps</c>/<c>--kube-api-burst</c>
/// (<c>OCI_OPERATOR_SCALE_QPS</c>/<c>_BURST</c>, 500/1000: the defaults 20/30 are sized for a shared real API server),
/// <c>--max-concurrent-reconciles</c> (<c>OCI_OPERATOR_SCALE_WORKERS</c>, 4), <c>--dbsystem-poll-interval</c>
/// (<c>OCI_OPERATOR_SCALE_POLL_MS</c>, 100) and <c>OCI_OPERATOR_SCALE_LOG=debug</c> to print the operator's log with
/// the timeline (for one instance).
/// </summary>
internal sealed record ScaleSettings(
    int Instances,
    TimeSpan Delay,
    int Namespaces,
    int Qps,
    int Burst,
    int Workers,
    TimeSpan PollInterval,
    bool DebugLog)
{
    public static ScaleSettings? FromEnvironment()
    {
        if (Number("OCI_OPERATOR_SCALE", 0) is not (> 0 and var instances))
        {
            return null;
        }

        return new ScaleSettings(
            instances,
            TimeSpan.FromMilliseconds(Number("OCI_OPERATOR_SCALE_DELAY_MS", 50)),
            Number("OCI_OPERATOR_SCALE_NAMESPACES", Math.Max(1, instances / 100)),
            Number("OCI_OPERATOR_SCALE_QPS", 500),
            Number("OCI_OPERATOR_SCALE_BURST", 1000),
            Number("OCI_OPERATOR_SCALE_WORKERS", 4),
            TimeSpan.FromMilliseconds(Number("OCI_OPERATOR_SCALE_POLL_MS", 100)),
            Environment.GetEnvironmentVariable("OCI_OPERATOR_SCALE_LOG") == "debug");
    }

    /// <summary>The namespace of instance <paramref name="i"/>.</summary>
    public string NamespaceOf(int i) => "scale-" + (i % Namespaces).ToString(CultureInfo.InvariantCulture);

    public static string NameOf(int i) => "app-" + i.ToString("D4", CultureInfo.InvariantCulture);

    private static int Number(string name, int fallback) =>
        int.TryParse(Environment.GetEnvironmentVariable(name), NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) ? value : fallback;
}
