using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using k8s;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using OciOperator.Runtime.Health;
using OciOperator.Runtime.Manager;
using OciOperator.Runtime.Tests.Support;

namespace OciOperator.Runtime.Tests.Health;

/// <summary>The DI-hosted runtime: probes and the Prometheus scrape, against the Sandbox.</summary>
[NonParallelizable]
public sealed partial class MetricsEndpointTests
{
    private static readonly string[] ExpectedNames =
    [
        "controller_runtime_reconcile_total",
        "controller_runtime_reconcile_errors_total",
        "controller_runtime_reconcile_time_seconds",
        "controller_runtime_max_concurrent_reconciles",
        "controller_runtime_active_workers",
        "workqueue_depth",
        "workqueue_adds_total",
        "workqueue_queue_duration_seconds",
        "workqueue_work_duration_seconds",
        "workqueue_retries_total",
        "workqueue_unfinished_work_seconds",
        "workqueue_longest_running_processor_seconds",
        "rest_client_requests_total",
        "rest_client_request_duration_seconds",
        "process_cpu_seconds_total",
        "process_resident_memory_bytes",
        "process_start_time_seconds",
        "process_open_fds",
        "dotnet_gc_collections_total",
    ];

    [Test]
    public async Task Scrape_AfterReconciles_ShowsControllerRuntimeNamesWithSaneValues()
    {
        await using var cluster = await SandboxCluster.StartAsync();
        using var host = BuildHost(cluster);
        await host.StartAsync();
        var probes = host.Services.GetRequiredService<ProbeServer>();
        using var http = new HttpClient();

        await Eventually.WaitAsync(async () => (await http.GetAsync(new Uri(probes.HealthAddress!, "/readyz"))).StatusCode == HttpStatusCode.OK, "readyz turns 200");
        var healthz = await http.GetAsync(new Uri(probes.HealthAddress!, "/healthz"));
        await cluster.Client.CoreV1.CreateNamespacedConfigMapAsync(SandboxCluster.ConfigMap("m", "1"), "default");
        var holder = host.Services.GetRequiredService<ConfigMapReconcilerHolder>();
        await Eventually.WaitAsync(() => holder.Reconciler?.Seen.GetValueOrDefault("default/m") == "1", "reconciled");
        string scrape = string.Empty;
        await Eventually.WaitAsync(
            async () =>
            {
                scrape = await http.GetStringAsync(new Uri(probes.MetricsAddress!, "/metrics"));
                return Value(scrape, "controller_runtime_reconcile_total", "result=\"success\"") >= 1;
            },
            "a successful reconcile is counted");
        await host.StopAsync();

        Assert.That(healthz.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        var missing = ExpectedNames.Where(n => !Regex.IsMatch(scrape, $"^{n}(_bucket|_sum|_count)?[{{ ]", RegexOptions.Multiline)).ToList();
        Assert.That(missing, Is.Empty, "metric names missing from the scrape:\n" + scrape);
        Assert.That(Value(scrape, "controller_runtime_max_concurrent_reconciles", "controller=\"configmaps\""), Is.EqualTo(2));
        Assert.That(Value(scrape, "workqueue_adds_total", "name=\"configmaps\""), Is.GreaterThanOrEqualTo(1));
        Assert.That(Value(scrape, "controller_runtime_reconcile_time_seconds_count", "controller=\"configmaps\""), Is.GreaterThanOrEqualTo(1));
        Assert.That(Value(scrape, "workqueue_depth", "name=\"configmaps\""), Is.GreaterThanOrEqualTo(0));
        Assert.That(scrape, Does.Not.Contain("controller_runtime_reconcile_total_total"));
        var apiHost = cluster.Server.BaseAddress.Authority;
        Assert.That(Value(scrape, "rest_client_requests_total", "code=\"200\"", $"host=\"{apiHost}\"", "method=\"GET\""), Is.GreaterThanOrEqualTo(1), scrape);
        Assert.That(Value(scrape, "rest_client_request_duration_seconds_count", $"host=\"{apiHost}\"", "verb=\"GET\""), Is.GreaterThanOrEqualTo(1), scrape);
        Assert.That(Value(scrape, "rest_client_request_duration_seconds_bucket", "verb=\"GET\"", "le=\"60\""), Is.GreaterThanOrEqualTo(1), "client-go's seconds buckets");
        Assert.That(Value(scrape, "rest_client_request_duration_seconds_bucket", "verb=\"GET\"", "le=\"0.005\""), Is.Not.NaN, "client-go's seconds buckets");
        Assert.That(scrape, Does.Not.Contain("leader_election_master_status"), "no elector, no gauge");
        var rss = Regex.Match(scrape, @"^process_resident_memory_bytes(\{[^}]*\})? (?<value>[-+0-9.eE]+)", RegexOptions.Multiline).Groups["value"].Value;
        Assert.That(double.TryParse(rss, NumberStyles.Float, CultureInfo.InvariantCulture, out var bytes) ? bytes : 0, Is.GreaterThan(1e6), "resident memory is megabytes, not zero:\n" + scrape);
    }

    [Test]
    public async Task Scrape_WithLeaderElection_ReportsMasterStatusOfTheLease()
    {
        await using var cluster = await SandboxCluster.StartAsync();
        using var host = BuildHost(cluster, new Dictionary<string, string?>
        {
            ["ControllerRuntime:LeaderElection"] = "true",
            ["ControllerRuntime:LeaderElectionId"] = "metrics-test",
            ["ControllerRuntime:LeaseDuration"] = "00:00:03",
            ["ControllerRuntime:RenewDeadline"] = "00:00:02",
            ["ControllerRuntime:RetryPeriod"] = "00:00:00.500",
        });
        await host.StartAsync();
        var probes = host.Services.GetRequiredService<ProbeServer>();
        var manager = host.Services.GetRequiredService<ControllerManager>();
        using var http = new HttpClient();

        await Eventually.WaitAsync(() => manager.IsLeader, "the only candidate leads");
        var scrape = await http.GetStringAsync(new Uri(probes.MetricsAddress!, "/metrics"));
        await host.StopAsync();

        Assert.That(Value(scrape, "leader_election_master_status", "name=\"metrics-test\""), Is.EqualTo(1), scrape);
    }

    [Test]
    public async Task Scrape_WhileAnotherProcessHoldsTheLease_ReportsMasterStatusZero()
    {
        await using var cluster = await SandboxCluster.StartAsync();
        await cluster.Client.CoordinationV1.CreateNamespacedLeaseAsync(
            new k8s.Models.V1Lease
            {
                Metadata = new k8s.Models.V1ObjectMeta { Name = "metrics-held", NamespaceProperty = "default" },
                Spec = new k8s.Models.V1LeaseSpec { HolderIdentity = "someone-else", LeaseDurationSeconds = 600, RenewTime = DateTime.UtcNow, AcquireTime = DateTime.UtcNow },
            },
            "default");
        using var host = BuildHost(cluster, new Dictionary<string, string?>
        {
            ["ControllerRuntime:LeaderElection"] = "true",
            ["ControllerRuntime:LeaderElectionId"] = "metrics-held",
            ["ControllerRuntime:RetryPeriod"] = "00:00:00.500",
        });
        await host.StartAsync();
        var probes = host.Services.GetRequiredService<ProbeServer>();
        var manager = host.Services.GetRequiredService<ControllerManager>();
        using var http = new HttpClient();

        await Eventually.WaitAsync(() => manager.CurrentLeader == "someone-else", "the other holder is observed");
        var scrape = await http.GetStringAsync(new Uri(probes.MetricsAddress!, "/metrics"));
        await host.StopAsync();

        Assert.That(Value(scrape, "leader_election_master_status", "name=\"metrics-held\""), Is.EqualTo(0), scrape);
        Assert.That(manager.IsLeader, Is.False);
    }

    [Test]
    public async Task Probes_BeforeCachesSync_ReadyzIsNotOk()
    {
        await using var cluster = await SandboxCluster.StartAsync();
        cluster.Server.Faults.Latency = TimeSpan.FromSeconds(2);
        using var host = BuildHost(cluster);
        await host.StartAsync();
        var probes = host.Services.GetRequiredService<ProbeServer>();
        using var http = new HttpClient();

        var early = await http.GetAsync(new Uri(probes.HealthAddress!, "/readyz"));
        cluster.Server.Faults.Latency = TimeSpan.Zero;
        await Eventually.WaitAsync(async () => (await http.GetAsync(new Uri(probes.HealthAddress!, "/readyz"))).StatusCode == HttpStatusCode.OK, "readyz turns 200 after sync");
        await host.StopAsync();

        Assert.That(early.StatusCode, Is.EqualTo(HttpStatusCode.ServiceUnavailable));
    }

    [Test]
    public async Task Probes_ApiServerGoesAway_ReadyzFailsNamingTheInformerWhileHealthzStaysOk()
    {
        await using var cluster = await SandboxCluster.StartAsync();
        using var host = BuildHost(cluster);
        await host.StartAsync();
        var probes = host.Services.GetRequiredService<ProbeServer>();
        using var http = new HttpClient();
        await Eventually.WaitAsync(async () => (await http.GetAsync(new Uri(probes.HealthAddress!, "/readyz"))).StatusCode == HttpStatusCode.OK, "readyz turns 200");

        await cluster.Server.DisposeAsync();
        HttpResponseMessage? readyz = null;
        await Eventually.WaitAsync(
            async () => (readyz = await http.GetAsync(new Uri(probes.HealthAddress!, "/readyz"))).StatusCode == HttpStatusCode.ServiceUnavailable,
            "readyz turns 503 once the informer fails");
        var body = await readyz!.Content.ReadAsStringAsync();
        using var healthz = await http.GetAsync(new Uri(probes.HealthAddress!, "/healthz"));
        await host.StopAsync();

        Assert.That(body, Does.Contain("configmaps.v1").And.Contain("Failing"));
        Assert.That(healthz.StatusCode, Is.EqualTo(HttpStatusCode.OK), "a manager that retries is alive; only readiness drops");
    }

    [Test]
    public async Task Probes_BeforeCachesSync_HealthzFailsUntilTheManagerRuns()
    {
        await using var cluster = await SandboxCluster.StartAsync();
        cluster.Server.Faults.Latency = TimeSpan.FromSeconds(2);
        using var host = BuildHost(cluster);
        await host.StartAsync();
        var probes = host.Services.GetRequiredService<ProbeServer>();
        using var http = new HttpClient();

        using var early = await http.GetAsync(new Uri(probes.HealthAddress!, "/healthz"));
        var earlyBody = await early.Content.ReadAsStringAsync();
        cluster.Server.Faults.Latency = TimeSpan.Zero;
        await Eventually.WaitAsync(async () => (await http.GetAsync(new Uri(probes.HealthAddress!, "/healthz"))).StatusCode == HttpStatusCode.OK, "healthz turns 200 once running");
        await host.StopAsync();

        Assert.That(early.StatusCode, Is.EqualTo(HttpStatusCode.InternalServerError));
        Assert.That(earlyBody, Does.Contain("starting"));
    }

    private static IHost BuildHost(SandboxCluster cluster, IReadOnlyDictionary<string, string?>? extra = null)
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["ControllerRuntime:MetricsBindAddress"] = "127.0.0.1:0",
            ["ControllerRuntime:HealthProbeBindAddress"] = "127.0.0.1:0",
            ["ControllerRuntime:MaxConcurrentReconciles"] = "2",
        });
        builder.Configuration.AddInMemoryCollection(extra ?? new Dictionary<string, string?>());
        builder.Services.AddSingleton(new KubernetesClientConfiguration { Host = cluster.Server.BaseAddress.ToString() });
        builder.Services.AddSingleton<ConfigMapReconcilerHolder>();
        builder.Services.AddControllerRuntime(builder.Configuration.GetSection(ControllerRuntimeOptions.SectionName))
            .AddController<ConfigMapControllerSetup>();
        return builder.Build();
    }

    // The value of the first sample of `name` whose labels contain every one of `labels`.
    private static double Value(string scrape, string name, params string[] labels)
    {
        foreach (Match m in SampleLine().Matches(scrape))
        {
            if (m.Groups["name"].Value == name && labels.All(label => m.Groups["labels"].Value.Contains(label, StringComparison.Ordinal)))
            {
                return double.Parse(m.Groups["value"].Value, CultureInfo.InvariantCulture);
            }
        }

        return double.NaN;
    }

    [GeneratedRegex(@"^(?<name>[a-z_]+)\{(?<labels>[^}]*)\} (?<value>[-+0-9.eE]+|NaN)", RegexOptions.Multiline)]
    private static partial Regex SampleLine();
}
