using BenchmarkDotNet.Running;
using OciOperator.Benchmarks.Sandbox;

namespace OciOperator.Benchmarks;

/// <summary>
/// Benchmarks (never asserted). Run all with
/// <c>dotnet run -c Release --project tests/OciOperator.Benchmarks -- --filter '*'</c>; the scale measurements that
/// are not BenchmarkDotNet runs are separate verbs: <c>-- sandbox-memory [objects]</c>, <c>-- informer-scale [objects] [updates]</c> and <c>-- dbsystem-scale [count]</c>; <c>-- cel-compare</c> prints what each engine gives for the CEL comparison's cases, and <c>-- cel-compare --time</c> (run with <c>DOTNET_TieredCompilation=0</c>) times them in alternating rounds (see <see cref="Cel.CelTimingHarness"/>).
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
            if (args.Length > 1 && args[1] == "--time")
            {
                Cel.CelTimingHarness.Run(Console.Out);
                return 0;
            }

            foreach (var c in Cel.CelEngineCases.All)
            {
                var bench = new Cel.CelEngineComparison { Case = c };
                bench.Setup();
                Console.WriteLine($"{c.Name}: ours {bench.Ours()} | floor {bench.Floor()} | Cel 0.3.3 {bench.PackageOutcome()}");
            }

            return 0;
        }

        BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
        return 0;
    }
}
