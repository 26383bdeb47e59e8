using System.Text;
using BenchmarkDotNet.Attributes;
using OciOperator.Sandbox.Kube;

namespace OciOperator.Benchmarks.Sandbox;

/// <summary>
/// Watch-event fan-out: one write observed by N concurrent watchers. Each operation is one ConfigMap update and
/// completes when every watcher has read its MODIFIED event off the wire (raw HTTP streams, line framing).
/// </summary>
public class SandboxWatchFanOutBenchmarks
{
    private KubeApiServer _server = null!;
    private HttpClient _http = null!;
    private readonly List<StreamReader> _watchers = [];
    private int _revision;

    [Params(1, 10, 50)]
    public int Watchers { get; set; }

    [GlobalSetup]
    public async Task SetupAsync()
    {
        _server = await KubeApiServer.StartAsync(new KubeApiServerOptions());
        _http = new HttpClient { BaseAddress = _server.BaseAddress, Timeout = Timeout.InfiniteTimeSpan };
        var body = """{"apiVersion":"v1","kind":"ConfigMap","metadata":{"name":"fanout"},"data":{"n":"0"}}""";
        using var created = await _http.PostAsync("api/v1/namespaces/default/configmaps", new StringContent(body, Encoding.UTF8, "application/json"));
        created.EnsureSuccessStatusCode();
        for (var i = 0; i < Watchers; i++)
        {
            var response = await _http.GetAsync(
                "api/v1/namespaces/default/configmaps?watch=true&fieldSelector=metadata.name%3Dfanout",
                HttpCompletionOption.ResponseHeadersRead);
            var reader = new StreamReader(await response.Content.ReadAsStreamAsync());
            await reader.ReadLineAsync(); // the synthetic ADDED event
            _watchers.Add(reader);
        }
    }

    [GlobalCleanup]
    public async Task CleanupAsync()
    {
        foreach (var watcher in _watchers)
        {
            watcher.Dispose();
        }

        _http.Dispose();
        await _server.DisposeAsync();
    }

    [Benchmark(Description = "one update delivered to every watcher")]
    public async Task UpdateAndDeliver()
    {
        var patch = $$$"""{"data":{"n":"{{{Interlocked.Increment(ref _revision)}}}"}}""";
        using var request = new HttpRequestMessage(HttpMethod.Patch, "api/v1/namespaces/default/configmaps/fanout")
        {
            Content = new StringContent(patch, Encoding.UTF8, "application/merge-patch+json"),
        };
        using var response = await _http.SendAsync(request);
        response.EnsureSuccessStatusCode();
        await Task.WhenAll(_watchers.Select(w => w.ReadLineAsync()));
    }
}
