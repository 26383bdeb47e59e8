using OciOperator.Mysql.Api;
using OciOperator.Mysql.Tests.Support;

namespace OciOperator.Mysql.Tests.Controllers;

/// <summary>
/// Crash safety: the operator is stopped abruptly at random points while DB systems are being created (some
/// CreateDbSystem answers are also lost after OCI processed them) and started again. Every resource must end with
/// exactly one DB system in OCI, and none may be left after deletion (with crashes during deletion too).
/// </summary>
[NonParallelizable]
public sealed class DbSystemCrashSafetyTests
{
    private const int Cycles = 10;
    private const int PerCycle = 5;

    [Test]
    public async Task RandomCrashesDuringCreateAndDelete_ExactlyOneDbSystemEachAndNoneLeft()
    {
        var seed = Environment.TickCount;
        TestContext.Out.WriteLine($"seed {seed}");
        var random = new Random(seed);
        await using var env = await DbSystemEnvironment.StartAsync(new EnvironmentOptions
        {
            CreateDelay = TimeSpan.FromMilliseconds(150),
            DeleteDelay = TimeSpan.FromMilliseconds(100),
            PollInterval = TimeSpan.FromMilliseconds(50),
            OciMaxAttempts = 6,
        });
        var resources = new List<(string Ns, string Uid)>();

        for (var cycle = 0; cycle < Cycles; cycle++)
        {
            var ns = $"crash{cycle}";
            await env.CreateNamespaceAsync(ns);
            await env.CreateAdminSecretAsync(ns, "admin-secret", "admin", "Str0ng-Passw0rd!");
            if (random.Next(3) == 0)
            {
                // OCI creates the DB system but the answer is lost: the retry must not create a second one.
                env.Oci.Faults.FailNext(1, 502, operation: "CreateDbSystem", afterProcessing: true);
            }

            var startFirst = random.Next(2) == 0;
            if (startFirst)
            {
                await env.StartOperatorAsync();
            }

            for (var i = 0; i < PerCycle; i++)
            {
                var created = await env.CreateAsync(DbSystemEnvironment.NewDbSystem(ns, $"db{i}"));
                resources.Add((ns, created.Metadata.Uid));
            }

            if (!startFirst)
            {
                await env.StartOperatorAsync();
            }

            // One or two crashes at random points of the creation.
            for (var crash = random.Next(1, 3); crash > 0; crash--)
            {
                await Task.Delay(random.Next(0, 250));
                await env.StopOperatorAsync();
                await env.StartOperatorAsync();
            }

            for (var i = 0; i < PerCycle; i++)
            {
                await env.WaitForActiveAsync(ns, $"db{i}");
            }

            await env.StopOperatorAsync();
        }

        Assert.That(resources, Has.Count.GreaterThanOrEqualTo(50));
        foreach (var (ns, uid) in resources)
        {
            Assert.That(env.LiveDbSystemsOwnedBy(uid), Has.Count.EqualTo(1), $"{ns}: exactly one DB system for resource {uid} (seed {seed})");
        }

        Assert.That(env.Oci.DbSystems, Has.Count.EqualTo(resources.Count), $"no stray DB system anywhere (seed {seed})");

        // Delete everything, crashing at random points while OCI deletes.
        await env.StartOperatorAsync();
        foreach (var ns in resources.Select(r => r.Ns).Distinct())
        {
            for (var i = 0; i < PerCycle; i++)
            {
                await env.DeleteAsync(ns, $"db{i}");
            }

            if (random.Next(2) == 0)
            {
                await Task.Delay(random.Next(0, 150));
                await env.StopOperatorAsync();
                await env.StartOperatorAsync();
            }
        }

        foreach (var ns in resources.Select(r => r.Ns).Distinct())
        {
            for (var i = 0; i < PerCycle; i++)
            {
                var name = $"db{i}";
                Assert.That(await Eventually.TrueAsync(async () => await env.GetAsync(ns, name) is null, TimeSpan.FromSeconds(30)), Is.True, $"{ns}/{name} deleted (seed {seed})");
            }
        }

        Assert.That(env.Oci.DbSystems.Where(d => d.LifecycleState != "DELETED").Select(d => d.Id), Is.Empty, $"none left in OCI (seed {seed})");
        Assert.That(env.Oci.Calls.CountSucceeded("DeleteDbSystem"), Is.EqualTo(resources.Count));
    }
}
