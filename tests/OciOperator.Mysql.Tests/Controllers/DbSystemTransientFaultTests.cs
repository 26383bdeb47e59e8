using OciOperator.Mysql.Tests.Support;

namespace OciOperator.Mysql.Tests.Controllers;

/// <summary>Under 30% injected 429/5xx on every MySQL call (a third of them after OCI processed the request), DB systems still converge, once each.</summary>
[NonParallelizable]
public sealed class DbSystemTransientFaultTests
{
    [Test]
    public async Task ThirtyPercentTransientFaults_ConvergeWithOneDbSystemEachAndDeleteCleanly()
    {
        await using var env = await DbSystemEnvironment.StartAsync(new EnvironmentOptions { OciMaxAttempts = 2, PollInterval = TimeSpan.FromMilliseconds(50) });
        env.Oci.Faults.SetFailureRatio(0.3, seed: 7, afterProcessingShare: 0.33);
        await env.StartOperatorAsync();
        await env.CreateNamespaceAsync("faults");
        await env.CreateAdminSecretAsync("faults", "admin-secret", "admin", "Str0ng-Passw0rd!");
        var uids = new List<string>();
        for (var i = 0; i < 5; i++)
        {
            uids.Add((await env.CreateAsync(DbSystemEnvironment.NewDbSystem("faults", $"db{i}"))).Metadata.Uid);
        }

        for (var i = 0; i < 5; i++)
        {
            await env.WaitForActiveAsync("faults", $"db{i}");
        }

        await env.PatchSpecAsync("faults", "db0", new { displayName = "renamed" });
        await env.WaitForAsync("faults", "db0", d => d.Status?.DisplayName == "renamed" && DbSystemEnvironment.CurrentCondition(d) == OciOperator.Mysql.Api.DbSystemConditionType.Active, "renamed");
        Assert.That(uids.Select(env.LiveDbSystemsOwnedBy), Has.All.Count.EqualTo(1));
        Assert.That(env.Oci.Calls.All.Count(c => c.ErrorCode is not null), Is.GreaterThan(0), "faults were injected");

        for (var i = 0; i < 5; i++)
        {
            await env.DeleteAsync("faults", $"db{i}");
        }

        for (var i = 0; i < 5; i++)
        {
            var name = $"db{i}";
            Assert.That(await Eventually.TrueAsync(async () => await env.GetAsync("faults", name) is null, TimeSpan.FromSeconds(60)), Is.True, $"{name} deleted");
        }

        Assert.That(env.Oci.DbSystems.Where(d => d.LifecycleState != "DELETED"), Is.Empty);
    }
}
