using System.Diagnostics;
using System.Net;
using System.Text.Json.Nodes;

namespace OciOperator.Tests.Reliability;

public sealed partial class ReliabilitySuite
{
    private const string WalkthroughPhase = "chaos-rgd";

    /// <summary>The children the seed RGD makes for an instance named <c>N</c>: (resource path, name suffix).</summary>
    private static readonly (string Path, string Suffix)[] WalkthroughChildren =
    [
        ("api/v1/namespaces/{0}/secrets", "-mysql-admin"),
        ("apis/mysql.oracle.com/v1beta1/namespaces/{0}/dbsystems", "-db"),
        ("api/v1/namespaces/{0}/secrets", "-db"),
        ("apis/batch/v1/namespaces/{0}/jobs", "-init-wordpress-db"),
        ("apis/apps/v1/namespaces/{0}/deployments", "-wordpress-app"),
        ("api/v1/namespaces/{0}/services", "-wordpress-svc"),
    ];

    /// <summary>
    /// The seed walkthrough (its RGD verbatim, applied with kubectl) with instances in distinct namespaces, the
    /// operator running both controllers SIGKILLed at random moments while the instances are built and while they are
    /// deleted, under the same API and OCI faults: every instance reaches ACTIVE with its WordPress IP, and after
    /// deletion no child (Secret, DbSystem and its endpoint Secret, Job, Deployment, Service) and no OCI DB system is left.
    /// </summary>
    [Test]
    public async Task Chaos_WalkthroughInstancesOperatorKilled_ActiveThenNoChildLeftAfterDelete()
    {
        _cluster.Calls.Phase = WalkthroughPhase;
        using var kubectl = new KubectlRunner(await File.ReadAllTextAsync(_cluster.KubeconfigPath));
        var applied = await kubectl.RunAsync("apply", "-f", RepositoryPaths.SeedFixture("osok_kro_demo_rgd.yaml"));
        Assert.That(applied.ExitCode, Is.EqualTo(0), applied.ToString());
        var op = await StartOperatorAsync("dbsystem,rgd");
        var monkey = new ChaosMonkey(op, _cluster, new Random(_mode.Seed ^ 0x7A1C));
        using var compacting = new CancellationTokenSource();
        var compaction = monkey.CompactUntilCancelledAsync(compacting.Token);
        var namespaces = Enumerable.Range(0, _mode.WalkthroughInstances).Select(i => $"walk-{i:D4}").ToList();
        const string name = "osok-kro-demo";
        try
        {
            await Converge.UntilAsync(
                () => _api.GetAsync("apis/kro.run/v1alpha1/resourcegraphdefinitions/" + name),
                r => r.Body?["status"]?["state"]?.GetValue<string>() == "Active",
                r => r.Body?["status"]?.ToJsonString() ?? r.Status.ToString(),
                "the seed RGD to be Active",
                _mode.ConvergeTimeout);
            var instance = await File.ReadAllTextAsync(RepositoryPaths.SeedFixture("osok_kro_demo.yaml"));
            var clock = Stopwatch.StartNew();
            foreach (var ns in namespaces)
            {
                var (status, body) = await _api.CreateAsync("api/v1/namespaces", Manifests.Namespace(ns));
                Assert.That(status, Is.EqualTo(HttpStatusCode.Created), body?.ToJsonString());
                var file = kubectl.WriteFile(ns + ".yaml", instance.Replace("namespace: demo", "namespace: " + ns, StringComparison.Ordinal));
                applied = await kubectl.RunAsync("apply", "-f", file);
                Assert.That(applied.ExitCode, Is.EqualTo(0), applied.ToString());
            }

            _cluster.Kube.Faults.WriteConflictRatio = 0.05;
            _cluster.Kube.Faults.CloseWatchesEvery = TimeSpan.FromSeconds(3);
            _cluster.Oci.Faults.SetFailureRatio(0.3, seed: _mode.Seed, afterProcessingShare: 0.2);
            await monkey.KillAsync(_mode.KillsPerPhase, CancellationToken.None);
            await Converge.UntilAsync(
                () => InstancesAsync(namespaces),
                all => all.Count == namespaces.Count && all.All(i => i["status"]?["state"]?.GetValue<string>() == "ACTIVE" && !string.IsNullOrEmpty(i["status"]?["wordpressSvcIP"]?.GetValue<string>())),
                all => string.Join(", ", all.GroupBy(i => i["status"]?["state"]?.GetValue<string>() ?? "-").Select(g => $"{g.Key}: {g.Count()}")),
                "every walkthrough instance ACTIVE with a WordPress IP",
                _mode.ConvergeTimeout);
            _report.AddDuration(WalkthroughPhase, "create: time to all ACTIVE", clock.Elapsed);
            var uids = (await DbSystemsInAsync(namespaces)).Select(Manifests.Uid).ToList();
            Assert.That(uids, Has.Count.EqualTo(namespaces.Count), "one DbSystem per instance");
            Assert.That(uids.Select(uid => LiveOciDbSystemsOf(uid).Count), Is.All.EqualTo(1), "one OCI DB system per instance's DbSystem");

            clock.Restart();
            foreach (var ns in namespaces)
            {
                var (status, body) = await _api.DeleteAsync($"apis/kro.run/v1alpha1/namespaces/{ns}/osokkrodemoapps/{name}");
                Assert.That(status, Is.EqualTo(HttpStatusCode.OK).Or.EqualTo(HttpStatusCode.Accepted), body?.ToJsonString());
            }

            await monkey.KillAsync(_mode.KillsPerPhase, CancellationToken.None);
            await Converge.UntilAsync(() => InstancesAsync(namespaces), all => all.Count == 0, all => $"{all.Count} left", "every instance to be deleted", _mode.ConvergeTimeout);
            await Converge.UntilAsync(
                () => WalkthroughChildrenAsync(namespaces, name),
                left => left.Count == 0,
                left => string.Join(", ", left),
                "no child of a deleted instance",
                TimeSpan.FromSeconds(60));
            _report.AddDuration(WalkthroughPhase, "delete: time to no child", clock.Elapsed);
            await Converge.WaitAsync(() => uids.All(uid => LiveOciDbSystemsOf(uid).Count == 0), () => "OCI DB systems left", "no OCI DB system of a deleted instance", TimeSpan.FromSeconds(30));
        }
        finally
        {
            _cluster.Kube.Faults.WriteConflictRatio = 0;
            _cluster.Kube.Faults.CloseWatchesEvery = null;
            _cluster.Oci.Faults.Clear();
            await compacting.CancelAsync();
            await compaction;
            _report.Add(WalkthroughPhase, "instances (namespaces)", namespaces.Count);
            _report.Add(WalkthroughPhase, "operator SIGKILLs / starts", $"{op.Kills} / {op.Starts}");
            await op.StopAsync();
            KeepOutput(op, WalkthroughPhase);
        }
    }

    private async Task<List<JsonObject>> InstancesAsync(IEnumerable<string> namespaces)
    {
        var all = new List<JsonObject>();
        foreach (var ns in namespaces)
        {
            all.AddRange(await _api.ListAsync($"apis/kro.run/v1alpha1/namespaces/{ns}/osokkrodemoapps"));
        }

        return all;
    }

    /// <summary>The children of the instance <paramref name="name"/> still present, as <c>namespace/path/name</c>.</summary>
    private async Task<List<string>> WalkthroughChildrenAsync(IEnumerable<string> namespaces, string name)
    {
        var left = new List<string>();
        foreach (var ns in namespaces)
        {
            foreach (var (path, suffix) in WalkthroughChildren)
            {
                var (status, _) = await _api.GetAsync($"{string.Format(System.Globalization.CultureInfo.InvariantCulture, path, ns)}/{name}{suffix}");
                if (status != HttpStatusCode.NotFound)
                {
                    left.Add($"{ns}/{path.Split('/')[^1]}/{name}{suffix} ({(int)status})");
                }
            }
        }

        return left;
    }
}
