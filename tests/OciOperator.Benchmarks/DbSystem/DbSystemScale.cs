using System.Globalization;

namespace OciOperator.Benchmarks.DbSystem;

/// <summary>
/// The DbSystem controller's scale run (figures, never asserted), in process against the Sandbox API server and the
/// OCI emulator, with the operator hosted as in production and all durations scaled down by one factor
/// (<see cref="ScaleTimings"/>):
/// <list type="number">
/// <item>lifecycle cost: OCI calls, Kubernetes requests and reconciles per DbSystem created→ACTIVE and deleted→gone;</item>
/// <item>steady state: OCI calls per reconcile at resync, extrapolated to calls per DbSystem per hour at the default
/// resync, and Kubernetes writes (expected 0);</item>
/// <item>throughput with <c>count</c> DbSystems: time to all ACTIVE, reconciles per second while creating, at
/// steady state and with the resync forced to 1 s, for two concurrency settings;</item>
/// <item>memory: managed heap and working set, with the operator's share separated from the in-process Sandbox and
/// emulator by stopping it.</item>
/// </list>
/// Run with <c>dotnet run -c Release --project tests/OciOperator.Benchmarks -- dbsystem-scale [count]</c>.
/// </summary>
public static partial class DbSystemScale
{
    /// <summary>Real time divided by this: a 10-minute create takes 2 s, the 10-minute resync 2 s, the 10 s first poll 33 ms.</summary>
    public const double TimeFactor = 300;

    /// <summary>DbSystems taken through a whole lifecycle for the per-lifecycle cost.</summary>
    public const int LifecycleCount = 20;

    /// <summary>Concurrency settings tried for throughput.</summary>
    public static readonly IReadOnlyList<int> Concurrencies = [4, 16];

    /// <summary>Steady-state windows last this many resync periods.</summary>
    private const int WindowPeriods = 5;

    public static async Task RunAsync(int count, TextWriter output, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentOutOfRangeException.ThrowIfLessThan(count, 1);
        var timings = new ScaleTimings(TimeFactor);
        var report = new ScaleReport();
        await output.WriteLineAsync(
            $"dbsystem-scale: {count} DbSystems; time scaled 1/{TimeFactor}: CreateDelay {Ms(timings.CreateDelay)}, DeleteDelay {Ms(timings.DeleteDelay)}, " +
            $"poll {Ms(timings.PollInitialInterval)}→{Ms(timings.PollMaxInterval)}, resync {Ms(timings.ResyncPeriod)}");
        report.Section($"Run: {count} DbSystems, time scaled 1/{TimeFactor}, {Environment.ProcessorCount} CPUs, .NET {Environment.Version}, server GC {System.Runtime.GCSettings.IsServerGC}");
        report.Add("assumed real durations", $"create {ScaleTimings.RealCreate.TotalMinutes} min, delete {ScaleTimings.RealDelete.TotalMinutes} min (emulator CreateDelay {Ms(timings.CreateDelay)}, DeleteDelay {Ms(timings.DeleteDelay)})");
        report.Add("controller polling (defaults, scaled)", $"first poll {Ms(timings.PollInitialInterval)} (10 s), max {Ms(timings.PollMaxInterval)} (60 s), resync {Ms(timings.ResyncPeriod)} (10 min), permanent-error retry {Ms(timings.PermanentErrorRetry)} (5 min)");
        report.Add("load average at the start (1/5/15 min)", LoadAverage());
        report.Add("client-side limits", "lifted (Kubernetes QPS/burst 100000, OCI rate limit off): they are sized for real time");

        await RunLifecycleAsync(timings, report, output, ct);
        foreach (var concurrency in Concurrencies)
        {
            await RunThroughputAsync(timings, count, concurrency, report, output, ct);
        }

        report.Section("Machine load");
        report.Add("load average at the end (1/5/15 min)", LoadAverage());
        await report.WriteAsync(output);
    }

    private static string Ms(TimeSpan t) => t.TotalMilliseconds.ToString("0", CultureInfo.InvariantCulture) + " ms";

    private static string F(double value, string format = "0.##") => value.ToString(format, CultureInfo.InvariantCulture);

    private static string MiB(long bytes) => F(bytes / 1024.0 / 1024.0, "0.0") + " MiB";

    /// <summary>OCI calls of the MySQL API (not instance metadata or federation).</summary>
    private static bool IsMysqlOperation(string operation) =>
        operation.Contains("DbSystem", StringComparison.Ordinal) || operation.Contains("WorkRequest", StringComparison.Ordinal);

    /// <summary>The 1, 5 and 15-minute load averages (Linux), so figures taken on a shared machine can be judged.</summary>
    private static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? string.Join(" ", File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "n/a";

    private static long SettledHeap()
    {
        GC.Collect(2, GCCollectionMode.Forced, blocking: true, compacting: true);
        GC.WaitForPendingFinalizers();
        GC.Collect(2, GCCollectionMode.Forced, blocking: true, compacting: true);
        return GC.GetTotalMemory(forceFullCollection: true);
    }

    private static double Percentile(IReadOnlyList<double> sorted, double p) =>
        sorted.Count == 0 ? double.NaN : sorted[Math.Min(sorted.Count - 1, (int)Math.Ceiling(p * sorted.Count) - 1)];
}
