using System.Diagnostics;
using System.Net;
using System.Text.RegularExpressions;
using k8s;
using OciOperator.Sandbox.Kube;
using OciOperator.Tests.Support;

namespace OciOperator.Tests.Commands;

/// <summary>
/// A dead manager must not leave a live process, and a standby must take over from a killed leader: <c>run</c> as
/// a process, against nothing or against the Sandbox.
/// </summary>
[NonParallelizable]
public sealed partial class RunLifetimeTests
{
    private static readonly TimeSpan LeaseDuration = TimeSpan.FromSeconds(4);
    private static readonly TimeSpan RetryPeriod = TimeSpan.FromSeconds(1);

    private string _workDir = "";

    [SetUp]
    public void SetUp()
    {
        _workDir = Path.Combine(Path.GetTempPath(), "oci-operator-lifetime-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(_workDir);
    }

    [TearDown]
    public void TearDown() => Directory.Delete(_workDir, recursive: true);

    [Test]
    public async Task Run_UnreachableApiServer_ExitsNonZeroWithinBoundAndNeverReportsHealthy()
    {
        var kubeconfig = Path.Combine(_workDir, "kubeconfig");
        await File.WriteAllTextAsync(kubeconfig, $"apiVersion: v1\nkind: Config\nclusters:\n- name: c\n  cluster:\n    server: http://127.0.0.1:{FreePort.Next()}\ncontexts:\n- name: c\n  context:\n    cluster: c\n    user: u\ncurrent-context: c\nusers:\n- name: u\n  user:\n    token: t\n");
        var probes = FreePort.Next();
        var clock = Stopwatch.StartNew();

        await using var run = OperatorProcess.Start(
            ["run", "--kubeconfig", kubeconfig, "--leader-elect", "--cache-sync-timeout", "00:00:03", "--metrics-bind-address", "0", "--health-probe-bind-address", $"127.0.0.1:{probes}"],
            _workDir);
        var healthy = new List<HttpStatusCode>();
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(2) };
        while (!run.HasExited && clock.Elapsed < TimeSpan.FromSeconds(60))
        {
            try
            {
                using var healthz = await http.GetAsync(new Uri($"http://127.0.0.1:{probes}/healthz"));
                healthy.Add(healthz.StatusCode);
            }
            catch (HttpRequestException)
            {
                // Not listening yet, or gone.
            }
            catch (TaskCanceledException)
            {
                // The probe did not answer within the client's timeout (a busy machine): not healthy either.
            }

            await Task.Delay(50);
        }

        Assert.That(run.HasExited, Is.True, "the process ended by itself:\n" + run.Output);
        Assert.That(run.ExitCode, Is.EqualTo(1));
        Assert.That(clock.Elapsed, Is.LessThan(TimeSpan.FromSeconds(45)));
        Assert.That(healthy, Has.None.EqualTo(HttpStatusCode.OK), "never healthy");
        Assert.That(run.Output, Does.Contain("error: the operator could not start: the caches did not sync within 3s"));
    }

    [Test]
    public async Task Run_NoKubeconfigOutsideACluster_ExplainsAndExitsOne()
    {
        var environment = new Dictionary<string, string>
        {
            ["HOME"] = _workDir,
            ["KUBECONFIG"] = string.Empty,
            ["KUBERNETES_SERVICE_HOST"] = string.Empty,
            ["KUBERNETES_SERVICE_PORT"] = string.Empty,
        };

        await using var run = OperatorProcess.Start(["run", "--metrics-bind-address", "0", "--health-probe-bind-address", "0"], _workDir, environment);
        var exit = await run.WaitForExitAsync(TimeSpan.FromSeconds(60));

        Assert.That(exit, Is.EqualTo(1));
        Assert.That(run.Output, Does.Contain("error: no Kubernetes configuration found").And.Contain("--kubeconfig"));
        Assert.That(run.Output, Does.Not.Contain("localhost:8080"));
    }

    [Test]
    public async Task Run_LeaderElectTwice_StandbyTakesOverWithinTheLeaseWhenTheLeaderIsKilled()
    {
        await using var server = await KubeApiServer.StartAsync(new KubeApiServerOptions());
        var kubeconfig = Path.Combine(_workDir, "kubeconfig");
        await server.WriteKubeconfigAsync(kubeconfig);
        string[] Arguments() =>
        [
            "run", "--kubeconfig", kubeconfig, "--controllers", ",", "--verbose", "--log-format", "console", "--leader-elect",
            "--leader-elect-lease-duration", LeaseDuration.ToString("c"), "--leader-elect-renew-deadline", "00:00:03",
            "--leader-elect-retry-period", RetryPeriod.ToString("c"), "--metrics-bind-address", "0", "--health-probe-bind-address", "0",
        ];

        await using var first = OperatorProcess.Start(Arguments(), _workDir);
        var firstIdentity = LeaderOf(await first.WaitForLineAsync(l => LeaderLine().IsMatch(l), TimeSpan.FromSeconds(60)));
        await using var second = OperatorProcess.Start(Arguments(), _workDir);
        await second.WaitForLineAsync(l => l.Contains($"Observed leader {firstIdentity}", StringComparison.Ordinal), TimeSpan.FromSeconds(60));
        var secondLedWhileFirstLived = LeaderLine().IsMatch(second.Output);

        await first.KillAsync();
        var clock = Stopwatch.StartNew();
        var secondIdentity = LeaderOf(await second.WaitForLineAsync(l => LeaderLine().IsMatch(l), TimeSpan.FromSeconds(60)));
        var takeover = clock.Elapsed;
        using var client = new Kubernetes(new KubernetesClientConfiguration { Host = server.BaseAddress.ToString() });
        var lease = await client.CoordinationV1.ReadNamespacedLeaseAsync("oci-operator-leader", "default");

        Assert.That(secondLedWhileFirstLived, Is.False, "one leader at a time");
        Assert.That(secondIdentity, Is.Not.EqualTo(firstIdentity));
        Assert.That(lease.Spec.HolderIdentity, Is.EqualTo(secondIdentity));
        // client-go's rule: a standby takes a lease it has seen unchanged for its duration; it last saw a renewal at
        // most one retry period before the kill, and it checks every retry period.
        Assert.That(takeover, Is.LessThan(LeaseDuration + (2 * RetryPeriod) + TimeSpan.FromSeconds(2)), second.Output);
        Assert.That(await second.SignalAndWaitAsync(15, TimeSpan.FromSeconds(40)), Is.EqualTo(0), second.Output);
    }

    private static string LeaderOf(string line) => LeaderLine().Match(line).Groups["identity"].Value;

    [GeneratedRegex(@"(?<identity>\S+) became the leader")]
    private static partial Regex LeaderLine();
}
