using BenchmarkDotNet.Attributes;
using k8s.Models;
using OciOperator.Schemas.BuiltIn;

namespace OciOperator.Benchmarks.Schemas;

/// <summary>
/// What the built-in schemas cost: a cached lookup (the baseline, what every caller after the first pays), loading the
/// embedded KubernetesClient.xml subset, deriving one kind (Deployment, Pod), every known kind, and the first use of a
/// fresh catalogue (documentation plus Deployment), which is what a process pays once.
/// Run: <c>dotnet run -c Release --project tests/OciOperator.Benchmarks -- --filter '*BuiltInSchema*' --job short</c>.
/// </summary>
[MemoryDiagnoser]
public class BuiltInSchemaBenchmarks
{
    private static readonly BuiltInKind Deployment = new("apps", "v1", "Deployment", "deployments", Namespaced: true);
    private static readonly BuiltInKind Pod = new("", "v1", "Pod", "pods", Namespaced: true);

    private ModelDocumentation _documentation = null!;

    [GlobalSetup]
    public void Setup()
    {
        _documentation = ModelDocumentation.LoadEmbedded();
        BuiltInSchemas.TryGetSchema("apps", "v1", "Deployment", out _);
    }

    [Benchmark(Baseline = true)]
    public BuiltInSchema? CachedLookup() => BuiltInSchemas.TryGetSchema("apps", "v1", "Deployment", out var schema) ? schema : null;

    [Benchmark]
    public int LoadDocumentation() => ModelDocumentation.LoadEmbedded().Count;

    [Benchmark]
    public byte[] BuildDeployment() => new ModelSchemaBuilder(_documentation).ForKind(typeof(V1Deployment), Deployment);

    [Benchmark]
    public byte[] BuildPod() => new ModelSchemaBuilder(_documentation).ForKind(typeof(V1Pod), Pod);

    [Benchmark]
    public int BuildEveryKind()
    {
        var catalog = new BuiltInSchemaCatalog(new Lazy<ModelDocumentation>(_documentation));
        var total = 0;
        foreach (var kind in catalog.Kinds)
        {
            catalog.TryGet(kind.Group, kind.Version, kind.Kind, out var schema);
            total += schema is null ? 0 : 1;
        }

        return total;
    }

    [Benchmark]
    public BuiltInSchema? FirstUseOfFreshCatalogue() => new BuiltInSchemaCatalog().TryGet("apps", "v1", "Deployment", out var schema) ? schema : null;
}
