using BenchmarkDotNet.Attributes;
using k8s;
using k8s.Models;
using OciOperator.Sandbox.Kube;

namespace OciOperator.Benchmarks.Sandbox;

/// <summary>Create, get and list throughput of the Sandbox API server, through the real KubernetesClient over HTTP.</summary>
[MemoryDiagnoser]
public class SandboxCrudBenchmarks
{
    private KubeApiServer _server = null!;
    private Kubernetes _client = null!;
    private int _next;

    [GlobalSetup]
    public async Task SetupAsync()
    {
        _server = await KubeApiServer.StartAsync(new KubeApiServerOptions());
        _client = new Kubernetes(new KubernetesClientConfiguration { Host = _server.BaseAddress.ToString() });
        for (var i = 0; i < 100; i++)
        {
            await _client.CoreV1.CreateNamespacedConfigMapAsync(NewConfigMap("listed-" + i), "default");
        }
    }

    [GlobalCleanup]
    public async Task CleanupAsync()
    {
        _client.Dispose();
        await _server.DisposeAsync();
    }

    [Benchmark(Description = "create ConfigMap")]
    public Task<V1ConfigMap> Create() =>
        _client.CoreV1.CreateNamespacedConfigMapAsync(NewConfigMap("created-" + Interlocked.Increment(ref _next)), "default");

    [Benchmark(Description = "get ConfigMap")]
    public Task<V1ConfigMap> Get() => _client.CoreV1.ReadNamespacedConfigMapAsync("listed-7", "default");

    [Benchmark(Description = "list 100 ConfigMaps by label")]
    public Task<V1ConfigMapList> List() => _client.CoreV1.ListNamespacedConfigMapAsync("default", labelSelector: "bench=listed");

    private static V1ConfigMap NewConfigMap(string name) => new()
    {
        Metadata = new V1ObjectMeta { Name = name, Labels = new Dictionary<string, string> { ["bench"] = name.StartsWith("listed", StringComparison.Ordinal) ? "listed" : "created" } },
        Data = new Dictionary<string, string> { ["key"] = "value", ["other"] = new string('x', 256) },
    };
}
