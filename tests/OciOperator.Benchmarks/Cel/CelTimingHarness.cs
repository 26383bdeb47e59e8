using System.Diagnostics;
using System.Globalization;

namespace OciOperator.Benchmarks.Cel;

/// <summary>
/// The <c>cel-compare --time</c> measurement: for each case, ours, the hand-written floor and the <c>Cel</c> package in
/// alternating short rounds (best of N per engine, so a round preempted on a busy machine does not count), plus the
/// bytes each allocates per evaluation (exact, from the thread's allocation counter). Prints a Markdown table with the
/// time and allocation ratios and the geometric mean of our time ratios. Meant to run with tiered compilation off
/// (<c>DOTNET_TieredCompilation=0</c>) so that every round runs the final code; BenchmarkDotNet's ratios were unreliable
/// at load averages of 30–70 on the shared machine.
/// </summary>
public static class CelTimingHarness
{
    private const int Rounds = 1000;

    public static void Run(TextWriter output)
    {
        output.WriteLine("| expression | floor ns | ours ns | ours/floor | Cel 0.3.3 ns | Cel/floor | floor B | ours B | Cel B |");
        output.WriteLine("|---|---:|---:|---:|---:|---:|---:|---:|---:|");
        var ratios = new List<double>();
        foreach (var c in CelEngineComparison.Cases)
        {
            var bench = new CelEngineComparison { Case = c };
            bench.Setup();
            var packageRuns = bench.PackageRuns;
            Func<object?>[] engines = packageRuns ? [bench.Floor, bench.Ours, bench.Package] : [bench.Floor, bench.Ours];
            var best = BestOfAlternatingRounds(engines);
            var bytes = engines.Select(AllocatedPerCall).ToArray();
            var ratio = best[1] / best[0];
            ratios.Add(ratio);
            var package = packageRuns ? Format(best[2]) : "NA";
            var packageRatio = packageRuns ? (best[2] / best[0]).ToString("F1", CultureInfo.InvariantCulture) + "×" : "NA";
            var packageBytes = packageRuns ? bytes[2].ToString(CultureInfo.InvariantCulture) : "NA";
            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"| `{c.Expression}` | {Format(best[0])} | {Format(best[1])} | {ratio:F2}× | {package} | {packageRatio} | {bytes[0]} | {bytes[1]} | {packageBytes} |"));
        }

        var geomean = Math.Exp(ratios.Average(Math.Log));
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"\ngeometric mean ours/floor {geomean:F2}×, highest {ratios.Max():F2}×"));
    }

    private static string Format(double ns) => ns.ToString("F0", CultureInfo.InvariantCulture);

    /// <summary>Best time per call (ns) of each engine over alternating rounds of about 0.1 ms each.</summary>
    private static double[] BestOfAlternatingRounds(Func<object?>[] engines)
    {
        var perRound = new int[engines.Length];
        var watch = new Stopwatch();
        for (var e = 0; e < engines.Length; e++)
        {
            watch.Restart();
            var calls = 0;
            while (watch.Elapsed.TotalMilliseconds < 20)
            {
                engines[e]();
                calls++;
            }

            perRound[e] = Math.Max(1, calls / 200);
        }

        var best = Enumerable.Repeat(double.MaxValue, engines.Length).ToArray();
        for (var round = 0; round < Rounds; round++)
        {
            for (var e = 0; e < engines.Length; e++)
            {
                var run = engines[e];
                var n = perRound[e];
                watch.Restart();
                for (var i = 0; i < n; i++)
                {
                    run();
                }

                best[e] = Math.Min(best[e], watch.Elapsed.TotalNanoseconds / n);
            }
        }

        return best;
    }

    private static long AllocatedPerCall(Func<object?> run)
    {
        const int Calls = 1000;
        run();
        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var i = 0; i < Calls; i++)
        {
            run();
        }

        return (GC.GetAllocatedBytesForCurrentThread() - before) / Calls;
    }
}
