using k8s;
using OciOperator.Mysql.Api;
using OciOperator.Mysql.Tests.Support;

namespace OciOperator.Mysql.Tests.Controllers;

/// <summary>
/// A password canary through every path that handles it — create, a rejected (weak) password, rotation — must never
/// show up in the operator's logs (every level, exceptions included), Events, status or metrics.
/// </summary>
[NonParallelizable]
public sealed class DbSystemSecretHygieneTests
{
    private const string Canary = "Canary-7qZx!Pw0rd";
    private const string RotatedCanary = "Rotated-Canary-5Kv!";
    private const string WeakCanary = "weakcanaryzz";

    [Test]
    public async Task PasswordCanary_NeverInLogsEventsStatusOrMetrics()
    {
        await using var env = await DbSystemEnvironment.StartAsync();
        await env.StartOperatorAsync();
        await env.CreateNamespaceAsync("canary");
        await env.CreateAdminSecretAsync("canary", "admin-secret", "admin", Canary);
        await env.CreateAdminSecretAsync("canary", "weak-secret", "admin", WeakCanary);
        await env.CreateAsync(DbSystemEnvironment.NewDbSystem("canary", "good"));
        await env.CreateAsync(DbSystemEnvironment.NewDbSystem("canary", "weak", secretName: "weak-secret"));

        var good = await env.WaitForActiveAsync("canary", "good");
        await env.WaitForAsync("canary", "weak", d => d.Status?.Status.Reason == DbSystemConditionType.Failed, "Failed");
        await env.Client.CoreV1.PatchNamespacedSecretAsync(new k8s.Models.V1Patch("{\"stringData\":{\"password\":\"" + RotatedCanary + "\"}}", k8s.Models.V1Patch.PatchType.MergePatch), "admin-secret", "canary");
        Assert.That(await Eventually.TrueAsync(() => Task.FromResult(env.Updates.Any(u => u.Details.AdminPassword == RotatedCanary))), Is.True, "the rotated password was sent");
        await env.WaitForActiveAsync("canary", "good");
        await env.DeleteAsync("canary", "good");
        Assert.That(await Eventually.TrueAsync(async () => await env.GetAsync("canary", "good") is null), Is.True);

        using var http = new HttpClient();
        var metrics = await http.GetStringAsync(new Uri(env.MetricsAddress!, "/metrics"));
        var events = KubernetesJson.Serialize(await env.Client.CoreV1.ListEventForAllNamespacesAsync());
        var eventsV1 = KubernetesJson.Serialize(await env.Client.EventsV1.ListEventForAllNamespacesAsync());
        var weak = KubernetesJson.Serialize(await env.GetAsync("canary", "weak"));
        var logs = env.Logs.AllText;

        Assert.That(logs, Does.Contain("weak").And.Contain("InvalidParameter"), "the rejected password was logged about (without its value)");
        Assert.That(metrics, Does.Contain("oci_operator_dbsystem_reconcile_outcomes_total"));
        Assert.That(events, Does.Contain("Active"));
        Assert.That(good.Status, Is.Not.Null);
        foreach (var secret in new[] { Canary, RotatedCanary, WeakCanary })
        {
            Assert.That(logs, Does.Not.Contain(secret), "logs");
            Assert.That(events + eventsV1, Does.Not.Contain(secret), "events");
            Assert.That(KubernetesJson.Serialize(good) + weak, Does.Not.Contain(secret), "status");
            Assert.That(metrics, Does.Not.Contain(secret), "metrics");
        }
    }
}
