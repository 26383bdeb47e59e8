using System.Text.Json.Nodes;
using BenchmarkDotNet.Attributes;
using OciOperator.Cel;
using OciOperator.Cel.Common;
using OciOperator.Cel.Values;

namespace OciOperator.Benchmarks.Cel;

/// <summary>
/// Our engine, the hand-written C# floor (baseline) and the <c>Cel</c> NuGet package (0.3.3) on the same expression in
/// the same run. The package cannot read JSON, so it gets the data converted to dictionaries and lists beforehand
/// (its best case; the conversion is not measured); "NA" in its row means it cannot compile or evaluate the expression.
/// Run: <c>dotnet run -c Release --project tests/OciOperator.Benchmarks -- --filter '*CelEngineComparison*'</c>.
/// </summary>
[MemoryDiagnoser]
public class CelEngineComparison
{
    private CelProgram _ours = null!;
    private CelActivation _activation = null!;
    private global::Cel.CelProgramDelegate? _package;
    private Dictionary<string, object?> _packageVariables = null!;
    private string? _packageProblem;

    /// <summary>The cases; the environment variable CEL_CASES (comma-separated parts of case names) narrows them.</summary>
    public static IEnumerable<CelEngineCase> Cases =>
        Environment.GetEnvironmentVariable("CEL_CASES") is { Length: > 0 } filter
            ? CelEngineCases.All.Where(c => filter.Split(',').Any(f => c.Name.Contains(f, StringComparison.Ordinal)))
            : CelEngineCases.All;

    [ParamsSource(nameof(Cases))]
    public CelEngineCase Case { get; set; } = null!;

    [GlobalSetup]
    public void Setup()
    {
        var env = CelEnvironment.Create(new CelEnvironmentOptions
        {
            Variables = Case.Variables.Keys.ToDictionary(k => k, _ => CelType.Dyn),
        });
        var compiled = env.Compile(Case.Expression);
        _ours = compiled.Program ?? throw new InvalidOperationException(string.Join("; ", compiled.Issues));
        _activation = new CelActivation(Case.Variables.ToDictionary(kv => kv.Key, kv => (object?)kv.Value), env.Options.Variables);
        var ours = CelJson.ToNode(_ours.Evaluate(_activation))?.ToJsonString();
        var floor = JsonValue.Create(Case.Floor(Case.Variables))?.ToJsonString();
        if (ours != floor)
        {
            throw new InvalidOperationException($"{Case.Name}: ours {ours} differs from the floor {floor}");
        }

        _packageVariables = Case.Variables.ToDictionary(kv => kv.Key, kv => ToNative(kv.Value));
        try
        {
            _package = new global::Cel.CelEnvironment(null, null).Compile(Case.Expression);
            _package.Invoke(_packageVariables);
        }
#pragma warning disable CA1031 // Whatever the package throws means it cannot run this expression.
        catch (Exception e)
#pragma warning restore CA1031
        {
            _packageProblem = e.GetType().Name + ": " + e.Message;
        }
    }

    /// <summary>Whether the package compiles and evaluates this case.</summary>
    public bool PackageRuns => _packageProblem is null;

    /// <summary>What the package gives (or why it cannot), for the <c>cel-compare</c> verb.</summary>
    public string PackageOutcome() => _packageProblem ?? Describe(_package!.Invoke(_packageVariables));

    private static string Describe(object? o) => o switch
    {
        null => "null",
        string s => "\"" + s + "\"",
        bool b => b ? "true" : "false",
        _ => Convert.ToString(o, System.Globalization.CultureInfo.InvariantCulture) ?? "?",
    };

    [Benchmark(Baseline = true, Description = "C# floor")]
    public object? Floor() => Case.Floor(Case.Variables);

    [Benchmark(Description = "ours")]
    public CelValue Ours() => _ours.Evaluate(_activation);

    [Benchmark(Description = "Cel 0.3.3")]
    public object? Package() => _packageProblem is null ? _package!.Invoke(_packageVariables) : throw new NotSupportedException(_packageProblem);

    private static object? ToNative(JsonNode? node) => node switch
    {
        null => null,
        JsonObject o => o.ToDictionary(p => p.Key, p => ToNative(p.Value)),
        JsonArray a => a.Select(ToNative).ToList(),
        JsonValue v when v.TryGetValue<string>(out var s) => s,
        JsonValue v when v.TryGetValue<bool>(out var b) => b,
        JsonValue v when v.TryGetValue<long>(out var l) => l,
        _ => node.GetValue<double>(),
    };
}
