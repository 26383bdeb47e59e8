using System.Text.Json.Nodes;
using BenchmarkDotNet.Attributes;
using k8s;
using OciOperator.ResourceGraph.Building;
using OciOperator.ResourceGraph.Schemas;
using OciOperator.Sandbox.Kube.Serialization;
using OciOperator.Schemas.Crd;

namespace OciOperator.Benchmarks.ResourceGraph;

/// <summary>
/// Compiling an RGD into a graph (validation, schemas, DAG, CEL compile and type checks, status inference, instance
/// CRD): the seed RGD (5 resources) and a generated chain of 100 ConfigMaps (each reads the previous one, every tenth
/// has an includeWhen, every one a readyWhen). Run: <c>-- --filter '*GraphBuild*' --job short</c>.
/// </summary>
[MemoryDiagnoser]
public class GraphBuildBenchmarks
{
    private GraphBuilder _builder = null!;
    private JsonObject _seed = null!;
    private JsonObject _generated = null!;

    [GlobalSetup]
    public void Setup()
    {
        var crds = new CrdSchemaCatalog();
        _ = crds.Add(JsonNode.Parse(KubernetesJson.Serialize(CustomResourceDefinitionGenerator.Generate(typeof(Mysql.Api.DbSystem))))!.AsObject());
        _builder = new GraphBuilder(new CombinedSchemaResolver(new BuiltInSchemaResolver(), crds));
        _seed = YamlToJson.Parse(File.ReadAllText(SeedPath()))!.AsObject();
        _generated = Generated(100);
        foreach (var rgd in new[] { _seed, _generated })
        {
            var result = _builder.Build(rgd);
            if (result.Outcome != GraphBuildOutcome.Compiled)
            {
                throw new InvalidOperationException(result.Message);
            }
        }
    }

    [Benchmark(Baseline = true)]
    public object SeedRgd() => _builder.Build(_seed).Graph!;

    [Benchmark]
    public object Generated100Resources() => _builder.Build(_generated).Graph!;

    /// <summary>A chain of <paramref name="count"/> ConfigMaps.</summary>
    public static JsonObject Generated(int count)
    {
        var resources = new JsonArray();
        for (var i = 0; i < count; i++)
        {
            var data = new JsonObject
            {
                ["name"] = "${schema.spec.name + \"-" + i + "\"}",
                ["replicas"] = "${string(schema.spec.replicas * " + i + ")}",
            };
            if (i > 0)
            {
                data["previous"] = "${cm" + (i - 1) + ".metadata.name}";
                data["previousName"] = "prefix-${cm" + (i - 1) + ".data.name}";
            }

            var resource = new JsonObject
            {
                ["id"] = "cm" + i,
                ["readyWhen"] = new JsonArray("${has(cm" + i + ".data) && size(cm" + i + ".data) > 0}"),
                ["template"] = new JsonObject
                {
                    ["apiVersion"] = "v1",
                    ["kind"] = "ConfigMap",
                    ["metadata"] = new JsonObject
                    {
                        ["name"] = "${schema.metadata.name + \"-cm" + i + "\"}",
                        ["namespace"] = "${schema.metadata.namespace}",
                        ["labels"] = new JsonObject { ["app"] = "${schema.spec.name}" },
                    },
                    ["data"] = data,
                },
            };
            if (i % 10 == 0)
            {
                resource["includeWhen"] = new JsonArray("${schema.spec.enabled}");
            }

            resources.Add(resource);
        }

        return new JsonObject
        {
            ["apiVersion"] = "kro.run/v1alpha1",
            ["kind"] = "ResourceGraphDefinition",
            ["metadata"] = new JsonObject { ["name"] = "generated" },
            ["spec"] = new JsonObject
            {
                ["schema"] = new JsonObject
                {
                    ["apiVersion"] = "v1alpha1",
                    ["kind"] = "Generated",
                    ["spec"] = new JsonObject
                    {
                        ["name"] = "string | default=\"app\"",
                        ["replicas"] = "integer | default=1",
                        ["enabled"] = "boolean | default=true",
                    },
                    ["status"] = new JsonObject { ["last"] = "${cm" + (count - 1) + ".metadata.name}" },
                },
                ["resources"] = resources,
            },
        };
    }

    private static string SeedPath()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "OciOperator.sln")))
        {
            directory = directory.Parent;
        }

        return Path.Combine(directory?.FullName ?? throw new InvalidOperationException("OciOperator.sln not found"), "..", "shared", "fixtures", "seed", "osok_kro_demo_rgd.yaml");
    }
}
