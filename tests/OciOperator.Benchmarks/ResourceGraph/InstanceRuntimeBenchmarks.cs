using System.Text.Json.Nodes;
using BenchmarkDotNet.Attributes;
using k8s;
using OciOperator.ResourceGraph.Building;
using OciOperator.ResourceGraph.Graph;
using OciOperator.ResourceGraph.Instances;
using OciOperator.ResourceGraph.Schemas;
using OciOperator.Sandbox.Kube.Serialization;
using OciOperator.Schemas.Crd;

namespace OciOperator.Benchmarks.ResourceGraph;

/// <summary>
/// One <see cref="InstanceRuntime.Run"/> of the seed walkthrough graph (5 resources): with nothing observed yet (the
/// first reconcile: only the Secret resolves) and with every child observed and ready (a steady-state reconcile:
/// every template resolved, every readyWhen and the status evaluated). Run: <c>-- --filter '*InstanceRuntime*' --job short</c>.
/// </summary>
[MemoryDiagnoser]
public class InstanceRuntimeBenchmarks
{
    private CompiledGraph _graph = null!;
    private JsonObject _instance = null!;
    private ObservedState _ready = null!;

    [GlobalSetup]
    public void Setup()
    {
        var crds = new CrdSchemaCatalog();
        _ = crds.Add(JsonNode.Parse(KubernetesJson.Serialize(CustomResourceDefinitionGenerator.Generate(typeof(Mysql.Api.DbSystem))))!.AsObject());
        var result = new GraphBuilder(new CombinedSchemaResolver(new BuiltInSchemaResolver(), crds)).Build(YamlToJson.Parse(File.ReadAllText(Seed("osok_kro_demo_rgd.yaml")))!.AsObject());
        _graph = result.Graph ?? throw new InvalidOperationException(result.Message);
        _instance = YamlToJson.Parse(File.ReadAllText(Seed("osok_kro_demo.yaml")))!.AsObject();
        _instance["metadata"]!["uid"] = "8b0c2f4e-0000-4000-8000-000000000001";
        _ready = new ObservedState();
        var statuses = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["mysqlDbSystem"] = """{"lifecycleState":"ACTIVE"}""",
            ["initWordpressDb"] = """{"succeeded":1}""",
            ["wordpressDeployment"] = """{"availableReplicas":1}""",
            ["wordpressSvc"] = """{"loadBalancer":{"ingress":[{"ip":"203.0.113.7"}]}}""",
        };
        for (var i = 0; i < _graph.Nodes.Count; i++)
        {
            var node = InstanceRuntime.Run(_graph, _instance, _ready).Nodes[i];
            var observed = node.Desired.Single().DeepClone().AsObject();
            if (statuses.TryGetValue(node.Id, out var status))
            {
                observed["status"] = JsonNode.Parse(status);
            }

            _ready.Set(node.Id, observed);
        }

        if (InstanceRuntime.Run(_graph, _instance, _ready).State != InstanceState.Active)
        {
            throw new InvalidOperationException("the observed state does not make the seed instance ACTIVE");
        }
    }

    [Benchmark(Baseline = true)]
    public InstanceRun NothingObserved() => InstanceRuntime.Run(_graph, _instance, ObservedState.Empty);

    [Benchmark]
    public InstanceRun AllReady() => InstanceRuntime.Run(_graph, _instance, _ready);

    private static string Seed(string file)
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "OciOperator.sln")))
        {
            directory = directory.Parent;
        }

        return Path.Combine(directory?.FullName ?? throw new InvalidOperationException("OciOperator.sln not found"), "..", "shared", "fixtures", "seed", file);
    }
}
