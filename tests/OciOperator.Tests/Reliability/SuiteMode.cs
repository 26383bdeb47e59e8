using System.Globalization;

namespace OciOperator.Tests.Reliability;

/// <summary>
/// The size of a reliability run: CI (the default, a few minutes on a loaded 2-core machine) or soak
/// (<c>OCI_OPERATOR_SOAK=1</c>, the numbers). <c>OCI_OPERATOR_RELIABILITY_SEED</c> replays a run.
/// </summary>
internal sealed record SuiteMode(
    string Name,
    int DbSystems,
    int KillsPerPhase,
    int PoisonValid,
    int PoisonRandom,
    int WalkthroughInstances,
    TimeSpan ConvergeTimeout,
    int Seed)
{
    public static SuiteMode FromEnvironment()
    {
        var seed = int.TryParse(Environment.GetEnvironmentVariable("OCI_OPERATOR_RELIABILITY_SEED"), NumberStyles.Integer, CultureInfo.InvariantCulture, out var given)
            ? given
            : Random.Shared.Next();
        return Environment.GetEnvironmentVariable("OCI_OPERATOR_SOAK") is "1" or "true"
            ? new SuiteMode("soak", 2_000, 150, 50, 500, 1_000, TimeSpan.FromMinutes(60), seed)
            : new SuiteMode("ci", 50, 4, 5, 12, 5, TimeSpan.FromSeconds(150), seed);
    }
}
