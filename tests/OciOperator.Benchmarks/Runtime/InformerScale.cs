using System.Diagnostics;
using System.Text;
using k8s;
using k8s.Models;
using Microsoft.Extensions.Logging.Abstractions;
using OciOperator.Runtime.Caching;
using OciOperator.Runtime.Client;
using OciOperator.Runtime.Reconciliation;
using OciOperator.Sandbox.Kube;

namespace OciOperator.Benchmarks.Runtime;

/// <summary>
/// Informer scale run against the Sandbox: memory per cached object (managed-heap growth when a typed ConfigMap
/// informer lists N objects, divided by N) and watch events processed per second (M updates written by 8 concurrent
/// HTTP writers, timed until the informer's update handler has seen all of them — wire, JSON and cache included).
/// </summary>
public static class InformerScale
{
    private static readonly ResourceType ConfigMaps = new(string.Empty, "v1", "ConfigMap", "configmaps");

    public static async Task RunAsync(int objects, int updates, TextWriter output, CancellationToken ct)
    {
        await using var server = await KubeApiServer.StartAsync(new KubeApiServerOptions { WatchHistoryLimit = updates + 1_000 }, ct);
        using var http = new HttpClient { BaseAddress = server.BaseAddress };
        for (var i = 0; i < objects; i++)
        {
            await SendAsync(http, HttpMethod.Post, "api/v1/namespaces/default/configmaps", "application/json",
                $$$"""{"apiVersion":"v1","kind":"ConfigMap","metadata":{"name":"cm-{{{i}}}","labels":{"app":"bench","n":"{{{i % 10}}}"}},"data":{"key":"value-{{{i}}}"}}""", ct);
        }

        using var client = new Kubernetes(new KubernetesClientConfiguration { Host = server.BaseAddress.ToString() });
        var before = SettledHeap();
        await using var cache = new InformerCache(new KubeApiClient(client), TimeProvider.System, NullLoggerFactory.Instance);
        var informer = cache.GetInformer<V1ConfigMap>(ConfigMaps, new InformerOptions { Namespace = "default" });
        var seen = 0;
        using var handler = informer.AddEventHandler(new ResourceEventHandler<V1ConfigMap>(OnUpdate: (_, _) => Interlocked.Increment(ref seen)));
        cache.Start(ct);
        await cache.WaitForCacheSyncAsync(ct);
        var after = SettledHeap();
        await output.WriteLineAsync($"Informer memory: {objects} cached ConfigMaps grew the heap by {(after - before) / 1024.0 / 1024.0:F1} MiB = {(after - before) / (double)objects:F0} bytes per cached object");

        var clock = Stopwatch.StartNew();
        var next = -1;
        await Task.WhenAll(Enumerable.Range(0, 8).Select(async _ =>
        {
            int n;
            while ((n = Interlocked.Increment(ref next)) < updates)
            {
                await SendAsync(http, HttpMethod.Patch, $"api/v1/namespaces/default/configmaps/cm-{n % objects}", "application/merge-patch+json",
                    $$$"""{"data":{"key":"update-{{{n}}}"}}""", ct);
            }
        }));
        var written = clock.Elapsed;
        while (Volatile.Read(ref seen) < updates && clock.Elapsed < TimeSpan.FromMinutes(2))
        {
            await Task.Delay(1, ct);
        }

        await output.WriteLineAsync($"Watch events: {updates} updates written in {written.TotalSeconds:F2} s; the informer handled {Volatile.Read(ref seen)} of them by {clock.Elapsed.TotalSeconds:F2} s = {Volatile.Read(ref seen) / clock.Elapsed.TotalSeconds:F0} events/s end to end");
    }

    private static async Task SendAsync(HttpClient http, HttpMethod method, string path, string mediaType, string body, CancellationToken ct)
    {
        using var request = new HttpRequestMessage(method, path) { Content = new StringContent(body, Encoding.UTF8, mediaType) };
        using var response = await http.SendAsync(request, ct);
        response.EnsureSuccessStatusCode();
    }

    private static long SettledHeap()
    {
        GC.Collect(2, GCCollectionMode.Forced, blocking: true, compacting: true);
        GC.WaitForPendingFinalizers();
        GC.Collect(2, GCCollectionMode.Forced, blocking: true, compacting: true);
        return GC.GetTotalMemory(forceFullCollection: true);
    }
}
