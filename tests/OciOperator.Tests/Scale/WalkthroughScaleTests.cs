using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Text.Json.Nodes;
using OciOperator.Runtime.Client;
using OciOperator.Runtime.Reconciliation;
using OciOperator.Tests.Support;

namespace OciOperator.Tests.Scale;

/// <summary>
/// The scale run of issue 15 (figures, printed, never asserted beyond convergence): the seed RGD and
/// <c>OCI_OPERATOR_SCALE</c> walkthrough instances (distinct names over several namespaces) converging in one Sandbox
/// hosted here, with the operator as a separate <c>oci-operator run</c> process (both controllers), so its peak
/// resident memory is its own. Prints the time to every instance ACTIVE with <c>wordpressSvcIP</c>, the operator's
/// Kubernetes API calls by verb and writes per instance, its writes in a steady window, the OCI calls, its peak RSS,
/// the time to delete everything, and the timeline of the first instance. Skipped unless <c>OCI_OPERATOR_SCALE</c> is
/// set (see <see cref="ScaleSettings"/>):
/// <c>OCI_OPERATOR_SCALE=1000 dotnet test tests/OciOperator.Tests --filter WalkthroughScaleTests --logger "console;verbosity=detailed"</c>.
/// </summary>
[NonParallelizable]
[Category("Scale")]
public sealed class WalkthroughScaleTests
{
    private static readonly ResourceType Instances = new("kro.run", "v1alpha1", "OsokKroDemoApp", "osokkrodemoapps");
    private static readonly ResourceType Rgds = new("kro.run", "v1alpha1", "ResourceGraphDefinition", "resourcegraphdefinitions", Namespaced: false);
    private static readonly ResourceType[] Children =
    [
        new(string.Empty, "v1", "Secret", "secrets"),
        new("mysql.oracle.com", "v1beta1", "DbSystem", "dbsystems"),
        new("batch", "v1", "Job", "jobs"),
        new("apps", "v1", "Deployment", "deployments"),
        new(string.Empty, "v1", "Service", "services"),
    ];

    private static readonly TimeSpan SteadyWindow = TimeSpan.FromSeconds(10);

    [Test]
    public async Task Walkthrough_ManyInstances_ConvergeToWordpressIpAndDelete()
    {
        if (ScaleSettings.FromEnvironment() is not { } settings)
        {
            Assert.Ignore("A scale run: set OCI_OPERATOR_SCALE=<instances> to run it (see ScaleSettings).");
            return;
        }

        if (!KubectlRunner.Available)
        {
            Assert.Ignore("kubectl is not installed at /usr/bin/kubectl.");
        }

        var output = TestContext.Out;
        var n = settings.Instances;
        using var stop = new CancellationTokenSource(TimeSpan.FromMinutes(60));
        var ct = stop.Token;
        await using var cluster = await ScaleCluster.StartAsync(settings.Delay, ct);
        using var kubectl = new KubectlRunner(cluster.Kube.BuildKubeconfig());
        await using var process = OperatorProcess.Start(OperatorArguments(cluster, settings), cluster.Directory, cluster.RunEnvironment);
        await process.WaitForLineAsync(l => l.StartsWith("Operator running against ", StringComparison.Ordinal), TimeSpan.FromSeconds(120));

        var rgd = await kubectl.RunAsync("apply", "-f", RepositoryPaths.SeedFixture("osok_kro_demo_rgd.yaml"));
        Assert.That(rgd.ExitCode, Is.Zero, rgd.ToString());
        await Eventually.WaitAsync(
            async () => (await cluster.Api.GetAsync<UnstructuredObject>(Rgds, null, "osok-kro-demo", ct))?["status"]?["state"]?.GetValue<string>() == "Active",
            "the RGD to be Active",
            TimeSpan.FromSeconds(60));
        var template = await InstanceTemplateAsync(kubectl);
        for (var i = 0; i < settings.Namespaces; i++)
        {
            var ns = await kubectl.RunAsync("create", "namespace", "scale-" + i.ToString(CultureInfo.InvariantCulture));
            Assert.That(ns.ExitCode, Is.Zero, ns.ToString());
        }

        var clock = Stopwatch.StartNew();
        var wallStart = DateTimeOffset.UtcNow;
        var timeline = new InstanceTimeline(clock, ScaleSettings.NameOf(0));
        var created = new ConcurrentDictionary<string, TimeSpan>(StringComparer.Ordinal);
        var ready = new ConcurrentDictionary<string, TimeSpan>(StringComparer.Ordinal);
        var watches = new List<ObjectWatch>
        {
            ObjectWatch.Start(cluster.Api, Instances, null, (type, o) =>
            {
                if (o["status"]?["state"]?.GetValue<string>() == "ACTIVE" && o["status"]?["wordpressSvcIP"] is not null && type != "DELETED")
                {
                    ready.TryAdd(o.Metadata.NamespaceProperty + "/" + o.Metadata.Name, clock.Elapsed);
                }

                timeline.Seen(type, o);
            }),
        };
        watches.AddRange(Children.Select(c => ObjectWatch.Start(cluster.Api, c, settings.NamespaceOf(0), timeline.Seen)));
        try
        {
            var ociBefore = cluster.Oci.Calls.CountsByOperation();
            cluster.Calls.Phase = "converge";
            var applyStart = clock.Elapsed;
            await Parallel.ForEachAsync(Enumerable.Range(0, n), new ParallelOptions { MaxDegreeOfParallelism = 16, CancellationToken = ct }, async (i, token) =>
            {
                var body = template.DeepClone().AsObject();
                body["metadata"] = new JsonObject { ["name"] = ScaleSettings.NameOf(i), ["namespace"] = settings.NamespaceOf(i) };
                await cluster.Api.CreateAsync(Instances, new UnstructuredObject(body), token);
                created[settings.NamespaceOf(i) + "/" + ScaleSettings.NameOf(i)] = clock.Elapsed;
            });
            var applied = clock.Elapsed - applyStart;
            timeline.Note($"(all {n} instances created after {applied.TotalMilliseconds:F0} ms)");
            await Eventually.WaitAsync(() => ready.Count >= n, $"all {n} instances ACTIVE with wordpressSvcIP", TimeSpan.FromMinutes(Math.Max(5, n / 20.0)));
            var converged = ready.Values.Max() - applyStart;
            var ociConverge = Diff(cluster.Oci.Calls.CountsByOperation(), ociBefore);
            var convergedRss = Memory(process.Id, "VmRSS");

            cluster.Calls.Phase = "steady";
            var steadyStart = clock.Elapsed;
            await Task.Delay(SteadyWindow, ct);
            var ociSteadyBase = cluster.Oci.Calls.CountsByOperation();
            cluster.Calls.Phase = "delete";
            var deleteStart = clock.Elapsed;
            timeline.Note("(deleting every instance)");
            await Parallel.ForEachAsync(Enumerable.Range(0, n), new ParallelOptions { MaxDegreeOfParallelism = 16, CancellationToken = ct }, async (i, token) =>
                await cluster.Api.DeleteAsync(Instances, settings.NamespaceOf(i), ScaleSettings.NameOf(i), token));
            await Eventually.WaitAsync(
                async () => (await cluster.Api.ListAsync<UnstructuredObject>(Instances, new ListOptions(), ct)).Items.Count == 0
                    && cluster.Oci.DbSystems.All(d => d.LifecycleState == "DELETED"),
                "every instance and DB system gone",
                TimeSpan.FromMinutes(Math.Max(5, n / 20.0)));
            var deleted = clock.Elapsed - deleteStart;
            var ociDelete = Diff(cluster.Oci.Calls.CountsByOperation(), ociSteadyBase);
            var peak = Memory(process.Id, "VmHWM");
            cluster.Calls.Phase = "end";

            var latencies = ready.Select(r => (r.Value - created[r.Key]).TotalMilliseconds).Order().ToList();
            await output.WriteLineAsync($"""

                ==== walkthrough scale run: {n} instances in {settings.Namespaces} namespaces ====
                settings: simulated delays {settings.Delay.TotalMilliseconds} ms (OCI create/delete, Job, rollout, LB); operator `run` as a process: --kube-api-qps {settings.Qps} --kube-api-burst {settings.Burst} --max-concurrent-reconciles {settings.Workers} --dbsystem-poll-interval {settings.PollInterval.TotalMilliseconds}ms; {Environment.ProcessorCount} CPUs; load {LoadAverage()}
                created all {n} instances in {applied.TotalSeconds:F1} s (16 parallel creates)
                time from first create to all ACTIVE with wordpressSvcIP: {converged.TotalSeconds:F1} s
                per instance create → ACTIVE with IP: p50 {Percentile(latencies, 0.5):F0} ms, p90 {Percentile(latencies, 0.9):F0} ms, max {latencies[^1]:F0} ms
                operator Kubernetes API calls while converging: {cluster.Calls.Total("converge")} ({F(cluster.Calls.Total("converge") / (double)n)} per instance), writes {cluster.Calls.Writes("converge")} ({F(cluster.Calls.Writes("converge") / (double)n)} per instance)
                  by verb: {Join(cluster.Calls.ByVerb("converge"), n)}
                  by verb and resource: {Join(cluster.Calls.ByVerbAndResource("converge"), n)}
                operator calls in a {SteadyWindow.TotalSeconds:F0} s steady window after convergence: {cluster.Calls.Total("steady")} (writes {cluster.Calls.Writes("steady")}): {Join(cluster.Calls.ByVerbAndResource("steady"), n)}
                OCI calls while converging: {ociConverge.Values.Sum()} ({F(ociConverge.Values.Sum() / (double)n)} per instance): {Join(ociConverge, n)}
                time to delete all (instances, children, DB systems DELETED): {deleted.TotalSeconds:F1} s
                operator calls while deleting: {cluster.Calls.Total("delete")} ({F(cluster.Calls.Total("delete") / (double)n)} per instance), writes {cluster.Calls.Writes("delete")}: {Join(cluster.Calls.ByVerbAndResource("delete"), n)}
                OCI calls while deleting: {ociDelete.Values.Sum()}: {Join(ociDelete, n)}
                operator process memory: RSS {MiB(convergedRss)} when converged, peak RSS (VmHWM) {MiB(peak)}

                timeline of {settings.NamespaceOf(0)}/{ScaleSettings.NameOf(0)} (ms since the first create):
                """);
            await output.WriteLineAsync(timeline.Render(applyStart));
            if (settings.DebugLog)
            {
                await output.WriteLineAsync("operator log (ms since the first create):");
                await output.WriteLineAsync(OperatorLog(process.Output, wallStart + applyStart));
            }

            Assert.That(ready, Has.Count.EqualTo(n));
        }
        finally
        {
            foreach (var watch in watches)
            {
                await watch.DisposeAsync();
            }

            if (!process.HasExited)
            {
                await process.SignalAndWaitAsync(15, TimeSpan.FromSeconds(60));
            }
        }
    }

    private static string[] OperatorArguments(ScaleCluster cluster, ScaleSettings settings)
    {
        var c = CultureInfo.InvariantCulture;
        return
        [
            "run",
            "--controllers", "dbsystem,rgd",
            "--oci-auth-mode", "instance_principal",
            "--oci-mysql-endpoint", cluster.Oci.MySqlEndpoint.AbsoluteUri,
            "--dbsystem-poll-interval", settings.PollInterval.TotalMilliseconds.ToString(c) + "ms",
            "--max-concurrent-reconciles", settings.Workers.ToString(c),
            "--kube-api-qps", settings.Qps.ToString(c),
            "--kube-api-burst", settings.Burst.ToString(c),
            "--log-level", settings.DebugLog ? "debug" : "warn",
            "--log-format", "console",
            "--zap-time-encoding", "iso8601",
            "--metrics-bind-address", "0",
            "--health-probe-bind-address", "0",
        ];
    }

    /// <summary>The seed instance as JSON (kubectl's client-side dry run of the fixture), without its metadata.</summary>
    private static async Task<JsonObject> InstanceTemplateAsync(KubectlRunner kubectl)
    {
        var dryRun = await kubectl.RunAsync("create", "--dry-run=client", "-o", "json", "-f", RepositoryPaths.SeedFixture("osok_kro_demo.yaml"));
        Assert.That(dryRun.ExitCode, Is.Zero, dryRun.ToString());
        var template = JsonNode.Parse(dryRun.Stdout)!.AsObject();
        template.Remove("metadata");
        return template;
    }

    /// <summary>The operator's console log lines after <paramref name="origin"/>, each with its offset.</summary>
    private static string OperatorLog(string log, DateTimeOffset origin) =>
        string.Join('\n', log.Split('\n')
            .Select(l => (Line: l, Ok: DateTimeOffset.TryParse(l.Split(' ', 2)[0], CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var at), At: at))
            .Where(l => l.Ok && l.At >= origin - TimeSpan.FromSeconds(1))
            .Select(l => $"  {(l.At - origin).TotalMilliseconds,8:F0} ms  {l.Line.Split(' ', 2)[1]}"));

    private static Dictionary<string, int> Diff(IReadOnlyDictionary<string, int> after, IReadOnlyDictionary<string, int> before) =>
        after.Select(p => (p.Key, Value: p.Value - before.GetValueOrDefault(p.Key))).Where(p => p.Value > 0).ToDictionary(p => p.Key, p => p.Value, StringComparer.Ordinal);

    private static string Join<T>(IReadOnlyDictionary<string, T> counts, int n)
        where T : IConvertible =>
        string.Join(", ", counts.OrderByDescending(p => p.Value.ToDouble(CultureInfo.InvariantCulture))
            .Select(p => $"{p.Key} {p.Value} ({F(p.Value.ToDouble(CultureInfo.InvariantCulture) / n)}/inst)"));

    private static string F(double value) => value.ToString("0.##", CultureInfo.InvariantCulture);

    private static string MiB(long bytes) => (bytes / 1024.0 / 1024.0).ToString("0.0", CultureInfo.InvariantCulture) + " MiB";

    private static double Percentile(IReadOnlyList<double> sorted, double p) =>
        sorted.Count == 0 ? double.NaN : sorted[Math.Min(sorted.Count - 1, (int)Math.Ceiling(p * sorted.Count) - 1)];

    private static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? string.Join(" ", File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "n/a";

    /// <summary>A field of /proc/PID/status in bytes (VmRSS now, VmHWM the peak); 0 when unreadable.</summary>
    private static long Memory(int pid, string field)
    {
        try
        {
            var line = File.ReadLines($"/proc/{pid}/status").FirstOrDefault(l => l.StartsWith(field + ":", StringComparison.Ordinal));
            return line is not null && long.TryParse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], NumberStyles.Integer, CultureInfo.InvariantCulture, out var kb) ? kb * 1024 : 0;
        }
        catch (IOException)
        {
            return 0;
        }
    }
}
