using System.Globalization;

namespace OciOperator.Tests.Reliability;

/// <summary>
/// The size of a reliability run: CI (the default, a few minutes on a loaded 2-core machine) or soak
/// (<c>OCI_OPERATOR_SOAK=1</c>, the numbers: 2,000 DbSystems and 1,000 walkthrough instances).
/// <c>OCI_OPERATOR_SOAK_DBSYSTEMS</c> and <c>OCI_OPERATOR_SOAK_INSTANCES</c> scale a soak run down (or up) where the
/// machine cannot finish the full size in time; <c>OCI_OPERATOR_RELIABILITY_SEED</c> replays a run.
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
        var seed = Number("OCI_OPERATOR_RELIABILITY_SEED") ?? Random.Shared.Next();
        if (Environment.GetEnvironmentVariable("OCI_OPERATOR_SOAK") is not ("1" or "true"))
        {
            return new SuiteMode("ci", 50, 4, 5, 12, 20, TimeSpan.FromSeconds(150), seed);
        }

        var dbSystems = Number("OCI_OPERATOR_SOAK_DBSYSTEMS") ?? 2_000;
        var instances = Number("OCI_OPERATOR_SOAK_INSTANCES") ?? 1_000;
        var name = dbSystems == 2_000 && instances == 1_000 ? "soak" : $"soak (scaled: {dbSystems} DbSystems, {instances} instances)";
        return new SuiteMode(name, dbSystems, 150, 50, 500, instances, TimeSpan.FromMinutes(60), seed);
    }

    private static int? Number(string variable) =>
        int.TryParse(Environment.GetEnvironmentVariable(variable), NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) ? value : null;
}
