using System.Text.Json.Nodes;
using BenchmarkDotNet.Attributes;
using OciOperator.Cel;
using OciOperator.Cel.Common;
using OciOperator.Cel.Values;

namespace OciOperator.Benchmarks.Cel;

/// <summary>
/// The walkthrough's CEL expressions, each evaluated by a compiled program and, beside it, the same logic written by
/// hand in C# over the same JSON data (the floor). Target: evaluation within 3× of the floor.
/// </summary>
[MemoryDiagnoser]
public class CelWalkthroughBenchmarks
{
    private readonly JsonNode _schema = JsonNode.Parse("""{"metadata":{"name":"osok-kro-demo","namespace":"demo"},"spec":{"name":"wordpress"}}""")!;
    private readonly JsonNode _dbSystem = JsonNode.Parse("""{"status":{"lifecycleState":"ACTIVE","ipAddress":"10.0.0.3"}}""")!;
    private readonly JsonNode _service = JsonNode.Parse("""{"status":{"loadBalancer":{"ingress":[{"ip":"203.0.113.7"}]}}}""")!;
    private readonly JsonNode _job = JsonNode.Parse("""{"status":{"succeeded":1}}""")!;
    private CelEnvironment _env = null!;
    private CelProgram _name = null!;
    private CelProgram _active = null!;
    private CelProgram _ingress = null!;
    private CelProgram _succeeded = null!;
    private CelActivation _schemaActivation = null!;
    private CelActivation _dbActivation = null!;
    private CelActivation _serviceActivation = null!;
    private CelActivation _jobActivation = null!;

    [GlobalSetup]
    public void Setup()
    {
        var env = CelEnvironment.Create(new CelEnvironmentOptions
        {
            Variables = new Dictionary<string, CelType> { ["schema"] = CelType.Dyn, ["x"] = CelType.Dyn },
        });
        _env = env;
        _name = env.Compile("schema.metadata.name + \"-db\"").Program!;
        _active = env.Compile("x.status.?lifecycleState.orValue(\"\") == \"ACTIVE\"").Program!;
        _ingress = env.Compile("x.status.?loadBalancer.?ingress.orValue([]).size() > 0").Program!;
        _succeeded = env.Compile("string(x.status.succeeded)").Program!;
        _schemaActivation = new CelActivation(new Dictionary<string, object?> { ["schema"] = _schema });
        _dbActivation = new CelActivation(new Dictionary<string, object?> { ["x"] = _dbSystem });
        _serviceActivation = new CelActivation(new Dictionary<string, object?> { ["x"] = _service });
        _jobActivation = new CelActivation(new Dictionary<string, object?> { ["x"] = _job });
    }

    [Benchmark(Description = "parse+check: schema.metadata.name + \"-db\"")]
    public CelCompileResult ParseAndCheck() => _env.Compile("schema.metadata.name + \"-db\"");

    [Benchmark(Description = "parse+check: x.status.?loadBalancer.?ingress.orValue([]).size() > 0")]
    public CelCompileResult ParseAndCheckIngress() => _env.Compile("x.status.?loadBalancer.?ingress.orValue([]).size() > 0");

    [Benchmark(Description = "environment + parse+check: schema.metadata.name + \"-db\"")]
    public CelCompileResult EnvironmentParseAndCheck() =>
        CelEnvironment.Create(new CelEnvironmentOptions { Variables = new Dictionary<string, CelType> { ["schema"] = CelType.Dyn } })
            .Compile("schema.metadata.name + \"-db\"");

    [Benchmark(Description = "CEL name + \"-db\"")]
    public CelValue CelName() => _name.Evaluate(_schemaActivation);

    [Benchmark(Description = "C#  name + \"-db\"")]
    public string HandName() => (string)_schema["metadata"]!["name"]! + "-db";

    [Benchmark(Description = "CEL lifecycleState == ACTIVE")]
    public CelValue CelActive() => _active.Evaluate(_dbActivation);

    [Benchmark(Description = "C#  lifecycleState == ACTIVE")]
    public bool HandActive() => ((string?)_dbSystem["status"]?["lifecycleState"] ?? "") == "ACTIVE";

    [Benchmark(Description = "CEL ingress.size() > 0")]
    public CelValue CelIngress() => _ingress.Evaluate(_serviceActivation);

    [Benchmark(Description = "C#  ingress.size() > 0")]
    public bool HandIngress() => (_service["status"]?["loadBalancer"]?["ingress"] as JsonArray ?? []).Count > 0;

    [Benchmark(Description = "CEL string(status.succeeded)")]
    public CelValue CelSucceeded() => _succeeded.Evaluate(_jobActivation);

    [Benchmark(Description = "C#  string(status.succeeded)")]
    public string HandSucceeded() => ((long)_job["status"]!["succeeded"]!).ToString(System.Globalization.CultureInfo.InvariantCulture);
}
