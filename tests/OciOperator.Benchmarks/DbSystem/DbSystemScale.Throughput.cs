using System.Diagnostics;
using OciOperator.Mysql.Controllers;

namespace OciOperator.Benchmarks.DbSystem;

public static partial class DbSystemScale
{
    private const int Creators = 16;

    /// <summary>
    /// <paramref name="count"/> DbSystems created as fast as 16 clients can, waited Ready; then a steady-state window at
    /// the scaled default resync; memory with and without the operator; then the operator restarted with the resync
    /// forced to 1 s.
    /// </summary>
    private static async Task RunThroughputAsync(ScaleTimings timings, int count, int concurrency, ScaleReport report, TextWriter output, CancellationToken ct)
    {
        await output.WriteLineAsync($"throughput: {count} DbSystems, MaxConcurrentReconciles {concurrency}…");
        report.Section($"2-4. {count} DbSystems, MaxConcurrentReconciles {concurrency}: creation throughput, steady state, memory, restart");
        using var reconciles = new ReconcileCounter(DbSystemControllerSetup.Name);
        await using var env = await ScaleEnvironment.StartAsync(timings, ct);
        var heapEmpty = SettledHeap();
        await env.StartOperatorAsync(timings, concurrency, timings.ResyncPeriod, ct);
        var heapIdle = SettledHeap();
        await env.StopOperatorAsync(ct);
        var heapIdleStopped = await HeapOnceCollectedAsync(env, ct);
        await env.StartOperatorAsync(timings, concurrency, timings.ResyncPeriod, ct);

        // Creation: all CRs written, then every one Ready.
        var (oci0, kube0, r0, cpu0) = (env.OciCalls(), env.KubeRequests.Snapshot(), reconciles.Total, Environment.CpuUsage.TotalTime);
        var clock = Stopwatch.StartNew();
        var next = -1;
        await Task.WhenAll(Enumerable.Range(0, Creators).Select(async _ =>
        {
            int i;
            while ((i = Interlocked.Increment(ref next)) < count)
            {
                await env.CreateAsync($"db-{i}", ct);
            }
        }));
        var written = clock.Elapsed;
        var ready = 0;
        await Poll.UntilAsync(
            async () => (ready = (await env.ListAsync(ct)).Count(ScaleEnvironment.IsReady)) == count,
            TimeSpan.FromMinutes(15),
            $"{count} DbSystems to be Ready",
            ct,
            TimeSpan.FromMilliseconds(250));
        var allReady = clock.Elapsed;
        var (oci1, kube1, r1, cpu1) = (env.OciCalls(), env.KubeRequests.Snapshot(), reconciles.Total, Environment.CpuUsage.TotalTime);
        await output.WriteLineAsync($"  {ready} Ready after {allReady.TotalSeconds:F1} s");
        report.Add("create: CRs written (16 clients)", $"{F(written.TotalSeconds)} s");
        report.Add("create: all Ready", $"{F(allReady.TotalSeconds)} s after the first create (OCI alone takes {F(timings.CreateDelay.TotalSeconds)} s)");
        report.Add("create: reconciles/s", $"{F((r1 - r0) / allReady.TotalSeconds, "0")} ({F((r1 - r0) / (double)count)} reconciles per DbSystem, {reconciles.Errors} errors; process CPU {F((cpu1 - cpu0) / allReady * 100, "0")}% of one CPU)");
        AddCosts(report, "create → Ready", oci1.Since(oci0), kube1.Since(kube0), r1 - r0, count);

        // Steady state at the scaled default resync.
        await Task.Delay(timings.ResyncPeriod * 2, ct);
        var window = timings.ResyncPeriod * WindowPeriods;
        var statusBefore = await env.StatusJsonAsync("db-0", ct);
        var steady = await MeasureWindowAsync(env, reconciles, window, ct);
        var changed = JsonChanges.Paths(statusBefore, await env.StatusJsonAsync("db-0", ct));
        var demanded = count * (window / timings.ResyncPeriod);
        var mysqlPerReconcile = steady.Oci.Where(IsMysqlOperation).Total / (double)Math.Max(1, steady.Reconciles);
        var writes = steady.Kube.Where(KubeRequestCounter.IsWrite);
        var reads = steady.Kube.Where(k => !KubeRequestCounter.IsWrite(k) && !k.StartsWith("WATCH", StringComparison.Ordinal));
        report.Add($"steady (resync {Ms(timings.ResyncPeriod)}): reconciles/s", $"{F(steady.Reconciles / window.TotalSeconds, "0")} over {F(window.TotalSeconds)} s; {F(steady.Reconciles / (double)demanded * 100, "0")}% of the {F(demanded / window.TotalSeconds, "0")}/s the resync asks for");
        report.Add("steady: OCI MySQL calls per reconcile", $"{F(mysqlPerReconcile, "0.###")} ({steady.Oci.Where(IsMysqlOperation).Format(Math.Max(1, steady.Reconciles))})");
        report.Add("steady: OCI calls per DbSystem per hour (10-min resync)", $"{F(mysqlPerReconcile * (TimeSpan.FromHours(1) / ScaleTimings.DefaultResyncPeriod), "0.#")} (calls per reconcile × 6 resyncs an hour)");
        report.Add("steady: Kubernetes writes", $"{writes.Total} in the window ({writes.Format(1)})");
        report.Add("steady: status fields changed on db-0 in the window", changed.Count == 0 ? "none" : string.Join(", ", changed));
        report.Add("steady: process CPU per reconcile", $"{F(steady.Cpu.TotalMilliseconds / Math.Max(1, steady.Reconciles))} ms (operator + Sandbox + emulator; {F(steady.Cpu / window * 100, "0")}% of one CPU)");
        report.Add("steady: Kubernetes reads per reconcile", $"{F(reads.Total / (double)Math.Max(1, steady.Reconciles))} ({reads.Format(Math.Max(1, steady.Reconciles))})");

        // Memory: the operator's share is what stopping it frees (once its container is collected).
        var heapActive = SettledHeap();
        var workingSetActive = Environment.WorkingSet;
        await env.StopOperatorAsync(ct);
        var heapStopped = await HeapOnceCollectedAsync(env, ct);
        var operatorHeap = heapActive - heapStopped;
        var operatorFixed = heapIdle - heapIdleStopped;
        report.Add("memory: managed heap, all Ready", $"{MiB(heapActive)} (process working set {MiB(workingSetActive)}; Sandbox + emulator + operator in one process)");
        report.Add("memory: operator (heap freed by stopping it)", $"{MiB(operatorHeap)} = {MiB(operatorFixed)} with no DbSystems + {F((operatorHeap - operatorFixed) / (double)count, "0")} bytes per DbSystem{(env.StoppedOperatorAlive ? " (its container was NOT collected: an undercount)" : string.Empty)}");
        report.Add("memory: operator start leaves behind when stopped", $"{MiB(heapIdle - heapEmpty - operatorFixed)} (one-time process state, e.g. JSON contracts)");
        report.Add("memory: Sandbox + emulator holding them", $"{MiB(heapStopped - heapEmpty)} = {F((heapStopped - heapEmpty) / (double)count, "0")} bytes per DbSystem (CRs, endpoint Secrets, Events, watch history of up to 10,000 events, OCI records, call log)");
        var calls = env.Oci.Calls.All.Count;
        env.Oci.Calls.Clear();
        var heapNoCallLog = SettledHeap();
        env.Kube.Faults.CompactHistory();
        var heapNoHistory = SettledHeap();
        report.Add("memory: of which the Sandbox's watch history", $"{MiB(heapNoCallLog - heapNoHistory)} (what compacting it frees; the rest is stored objects and the emulator's records)");
        report.Add("memory: of which the emulator's call log", $"{(Math.Abs(heapStopped - heapNoCallLog) < 512 * 1024 ? "under 0.5 MiB (within noise)" : MiB(heapStopped - heapNoCallLog))} ({calls} retained calls; cleared here)");

        // Restart with the resync forced to 1 s: the first pass over every DbSystem, then saturation.
        var forced = TimeSpan.FromSeconds(1);
        var (oci2, r2) = (env.OciCalls(), reconciles.Total);
        var restart = Stopwatch.StartNew();
        await env.StartOperatorAsync(timings, concurrency, forced, ct);
        await Poll.UntilAsync(() => Task.FromResult(reconciles.Total - r2 >= count), TimeSpan.FromMinutes(5), $"{count} reconciles after the restart", ct);
        var firstPass = restart.Elapsed;
        var restartCalls = env.OciCalls().Since(oci2).Where(IsMysqlOperation);
        report.Add("restart: first reconcile of every DbSystem", $"{F(firstPass.TotalSeconds)} s incl. start and informer sync ({restartCalls.Format(count)} OCI calls per DbSystem)");
        await Task.Delay(forced * 2, ct);
        var saturated = await MeasureWindowAsync(env, reconciles, TimeSpan.FromSeconds(10), ct);
        report.Add("resync forced to 1 s: reconciles/s", $"{F(saturated.Reconciles / 10.0, "0")} ({F(saturated.Reconciles / (count * 10.0) * 100, "0")}% of the {count}/s asked; {saturated.Kube.Where(KubeRequestCounter.IsWrite).Total} Kubernetes writes, {reconciles.Errors} reconcile errors in the run)");
        await env.StopOperatorAsync(ct);
    }

    /// <summary>The settled heap once the stopped operator's container has been collected (or after ~5 s of trying).</summary>
    private static async Task<long> HeapOnceCollectedAsync(ScaleEnvironment env, CancellationToken ct)
    {
        var heap = SettledHeap();
        for (var tries = 0; env.StoppedOperatorAlive && tries < 50; tries++)
        {
            await Task.Delay(100, ct);
            heap = SettledHeap();
        }

        return heap;
    }

    private static async Task<WindowCounts> MeasureWindowAsync(ScaleEnvironment env, ReconcileCounter reconciles, TimeSpan window, CancellationToken ct)
    {
        var (oci0, kube0, r0, cpu0) = (env.OciCalls(), env.KubeRequests.Snapshot(), reconciles.Total, Environment.CpuUsage.TotalTime);
        await Task.Delay(window, ct);
        return new WindowCounts(env.OciCalls().Since(oci0), env.KubeRequests.Snapshot().Since(kube0), reconciles.Total - r0, Environment.CpuUsage.TotalTime - cpu0);
    }

    private sealed record WindowCounts(RequestCounts Oci, RequestCounts Kube, long Reconciles, TimeSpan Cpu);
}
