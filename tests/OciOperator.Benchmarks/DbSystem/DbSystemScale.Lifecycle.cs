using System.Diagnostics;
using OciOperator.Mysql.Controllers;

namespace OciOperator.Benchmarks.DbSystem;

public static partial class DbSystemScale
{
    /// <summary>
    /// <see cref="LifecycleCount"/> DbSystems created at once, waited Ready, deleted at once and waited gone, with the
    /// controller's default concurrency: every count divided by the number of DbSystems.
    /// </summary>
    private static async Task RunLifecycleAsync(ScaleTimings timings, ScaleReport report, TextWriter output, CancellationToken ct)
    {
        const int n = LifecycleCount;
        await output.WriteLineAsync($"lifecycle: {n} DbSystems, MaxConcurrentReconciles {ScaleTimings.DefaultMaxConcurrentReconciles}…");
        using var reconciles = new ReconcileCounter(DbSystemControllerSetup.Name);
        await using var env = await ScaleEnvironment.StartAsync(timings, ct);
        await env.StartOperatorAsync(timings, ScaleTimings.DefaultMaxConcurrentReconciles, timings.ResyncPeriod, ct);
        var (oci0, kube0, r0) = (env.OciCalls(), env.KubeRequests.Snapshot(), reconciles.Total);

        var names = Enumerable.Range(0, n).Select(i => $"life-{i}").ToList();
        var clock = Stopwatch.StartNew();
        var createdAt = new Dictionary<string, TimeSpan>(StringComparer.Ordinal);
        foreach (var name in names)
        {
            createdAt[name] = clock.Elapsed;
            await env.CreateAsync(name, ct);
        }

        var toReady = new Dictionary<string, TimeSpan>(StringComparer.Ordinal);
        await Poll.UntilAsync(
            async () =>
            {
                foreach (var d in await env.ListAsync(ct))
                {
                    if (ScaleEnvironment.IsReady(d) && !toReady.ContainsKey(d.Metadata.Name))
                    {
                        toReady[d.Metadata.Name] = clock.Elapsed - createdAt[d.Metadata.Name];
                    }
                }

                return toReady.Count == n;
            },
            TimeSpan.FromMinutes(2),
            $"{n} DbSystems to be Ready",
            ct);
        var (oci1, kube1, r1) = (env.OciCalls(), env.KubeRequests.Snapshot(), reconciles.Total);

        var deletedAt = new Dictionary<string, TimeSpan>(StringComparer.Ordinal);
        foreach (var name in names)
        {
            deletedAt[name] = clock.Elapsed;
            await env.DeleteAsync(name, ct);
        }

        var toGone = new Dictionary<string, TimeSpan>(StringComparer.Ordinal);
        await Poll.UntilAsync(
            async () =>
            {
                var present = (await env.ListAsync(ct)).Select(d => d.Metadata.Name).ToHashSet(StringComparer.Ordinal);
                foreach (var name in names.Where(name => !present.Contains(name) && !toGone.ContainsKey(name)))
                {
                    toGone[name] = clock.Elapsed - deletedAt[name];
                }

                return toGone.Count == n;
            },
            TimeSpan.FromMinutes(2),
            $"{n} DbSystems to be gone",
            ct);
        var (oci2, kube2, r2) = (env.OciCalls(), env.KubeRequests.Snapshot(), reconciles.Total);
        var leftInOci = env.Oci.DbSystems.Count(d => d.LifecycleState != "DELETED");

        report.Section($"1. Lifecycle cost: {n} DbSystems created together → Ready, then deleted together → gone (MaxConcurrentReconciles {ScaleTimings.DefaultMaxConcurrentReconciles}); per DbSystem");
        AddTimes(report, "time to Ready (ACTIVE + endpoint Secret)", toReady.Values, timings, timings.CreateDelay);
        AddTimes(report, "time to gone (CR removed)", toGone.Values, timings, timings.DeleteDelay);
        AddCosts(report, "create → Ready", oci1.Since(oci0), kube1.Since(kube0), r1 - r0, n);
        AddCosts(report, "delete → gone", oci2.Since(oci1), kube2.Since(kube1), r2 - r1, n);
        var whole = oci2.Since(oci0).Where(IsMysqlOperation);
        report.Add("whole lifecycle: OCI MySQL calls", $"{F(whole.Total / (double)n)} per DbSystem ({whole.Format(n)})");
        var auth = oci2.Since(oci0).Where(op => !IsMysqlOperation(op));
        report.Add("OCI auth calls (per process, not per DbSystem)", auth.Format(1) + " in total");
        report.Add("reconcile errors", $"{reconciles.Errors}; DB systems left in OCI: {leftInOci}");
        AddExpectedPolls(report, "create", ScaleTimings.RealCreate);
        AddExpectedPolls(report, "delete", ScaleTimings.RealDelete);
    }

    /// <summary>
    /// The polls the controller's schedule makes in real time while OCI works for <paramref name="duration"/> (its
    /// defaults, no queueing delay): what the scaled run approximates, free of this machine's reconcile latency.
    /// </summary>
    private static void AddExpectedPolls(ScaleReport report, string what, TimeSpan duration)
    {
        var options = new DbSystemControllerOptions();
        var start = DateTimeOffset.UnixEpoch;
        var now = start;
        var polls = 0;
        while (now - start < duration)
        {
            now += PollSchedule.Next(options, start, now);
            polls++;
        }

        report.Add($"{what} in real time (PollSchedule, defaults)", $"{polls} GetDbSystem polls over {F(duration.TotalMinutes)} min; the end is seen {F((now - start - duration).TotalSeconds, "0")} s late at most this schedule");
    }

    private static void AddTimes(ScaleReport report, string what, IEnumerable<TimeSpan> times, ScaleTimings timings, TimeSpan ociDelay)
    {
        var sorted = times.Select(t => t.TotalMilliseconds).Order().ToList();
        var mean = sorted.Average();
        report.Add(what, $"mean {F(mean, "0")} ms, p50 {F(Percentile(sorted, 0.5), "0")} ms, max {F(sorted[^1], "0")} ms (OCI takes {F(ociDelay.TotalMilliseconds, "0")} ms = {F(timings.Unscale(ociDelay).TotalMinutes)} min real); " +
                         $"the rest, mean {F(mean - ociDelay.TotalMilliseconds, "0")} ms, is reconcile work and poll wait in wall-clock time, not scaled");
    }

    private static void AddCosts(ScaleReport report, string phase, RequestCounts oci, RequestCounts kube, long reconciles, int per)
    {
        var mysql = oci.Where(IsMysqlOperation);
        report.Add($"{phase}: OCI MySQL calls", $"{F(mysql.Total / (double)per)} ({mysql.Format(per)})");
        var writes = kube.Where(KubeRequestCounter.IsWrite);
        var reads = kube.Where(k => !KubeRequestCounter.IsWrite(k) && !k.StartsWith("WATCH", StringComparison.Ordinal));
        report.Add($"{phase}: Kubernetes writes", $"{F(writes.Total / (double)per)} ({writes.Format(per)})");
        report.Add($"{phase}: Kubernetes reads", $"{F(reads.Total / (double)per)} ({reads.Format(per)})");
        report.Add($"{phase}: reconciles", F(reconciles / (double)per));
    }
}
