using BenchmarkDotNet.Running;
using OciOperator.Benchmarks.Sandbox;

namespace OciOperator.Benchmarks;

/// <summary>
/// Benchmarks (never asserted). Run all with
/// <c>dotnet run -c Release --project tests/OciOperator.Benchmarks -- --filter '*'</c>; the scale measurements that
/// are not BenchmarkDotNet runs are separate verbs: <c>-- sandbox-memory [objects]</c>, <c>-- informer-scale [objects] [updates]</c> and <c>-- dbsystem-scale [count]</c>; <c>-- cel-compare</c> prints what each engine gives for the CEL comparison's cases.
/// </summary>
public static class Program
{
    public static async Task<int> Main(string[] args)
    {
        if (args.Length > 0 && args[0] == "sandbox-memory")
        {
            var count = args.Length > 1 ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 10_000;
            await SandboxMemoryScale.RunAsync(count, Console.Out, CancellationToken.None);
            return 0;
        }

        if (args.Length > 0 && args[0] == "informer-scale")
        {
            var objects = args.Length > 1 ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 10_000;
            var updates = args.Length > 2 ? int.Parse(args[2], System.Globalization.CultureInfo.InvariantCulture) : 20_000;
            await Runtime.InformerScale.RunAsync(objects, updates, Console.Out, CancellationToken.None);
            return 0;
        }

        if (args.Length > 0 && args[0] == "dbsystem-scale")
        {
            var count = args.Length > 1 ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 1_000;
            await DbSystem.DbSystemScale.RunAsync(count, Console.Out, CancellationToken.None);
            return 0;
        }

        if (args.Length > 0 && args[0] == "cel-compare")
        {
            foreach (var c in Cel.CelEngineCases.All)
            {
                var bench = new Cel.CelEngineComparison { Case = c };
                bench.Setup();
                Console.WriteLine($"{c.Name}: ours {bench.Ours()} | floor {bench.Floor()} | Cel 0.3.3 {bench.PackageOutcome()}");
                if (args.Length > 1 && args[1] == "--time")
                {
                    // A quick interleaved timing (best of rounds) for development; the published figures come from BenchmarkDotNet.
                    // Short rounds (about 0.2 ms) so that on a busy machine some rounds run without being preempted.
                    double Best(Func<object?> run)
                    {
                        var watch = System.Diagnostics.Stopwatch.StartNew();
                        var calls = 0;
                        while (watch.Elapsed.TotalMilliseconds < 50)
                        {
                            run();
                            calls++;
                        }

                        var perRound = Math.Max(1, (int)(calls / 250.0));
                        var best = double.MaxValue;
                        for (var round = 0; round < 400; round++)
                        {
                            watch.Restart();
                            for (var i = 0; i < perRound; i++)
                            {
                                run();
                            }

                            best = Math.Min(best, watch.Elapsed.TotalNanoseconds / perRound);
                        }

                        return best;
                    }

                    var floor = Best(bench.Floor);
                    var ours = Best(bench.Ours);
                    Console.WriteLine($"    floor {floor:F0} ns, ours {ours:F0} ns, ratio {ours / floor:F2}");
                }
            }

            return 0;
        }

        BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
        return 0;
    }
}
