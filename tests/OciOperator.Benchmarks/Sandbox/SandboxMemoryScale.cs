using System.Text;
using System.Text.Json.Nodes;
using OciOperator.Sandbox.Kube;
using OciOperator.Sandbox.Kube.Simulators;

namespace OciOperator.Benchmarks.Sandbox;

/// <summary>
/// Memory per stored object (managed heap growth after storing N ConfigMaps, divided by N) and per watch event (growth
/// after N updates of one ConfigMap with the whole history retained, divided by N), and for 300 Deployments rolled
/// out by the simulators with their ReplicaSets and Pods (server store, history and the simulators' caches).
/// </summary>
public static class SandboxMemoryScale
{
    public static async Task RunAsync(int count, TextWriter output, CancellationToken ct)
    {
        await using var server = await KubeApiServer.StartAsync(new KubeApiServerOptions { WatchHistoryLimit = 100 }, ct);
        using var http = new HttpClient { BaseAddress = server.BaseAddress };
        await CreateAsync(http, "warmup", ct);
        var before = SettledHeap();
        for (var i = 0; i < count; i++)
        {
            await CreateAsync(http, "obj-" + i, ct);
            if (i % 1000 == 0)
            {
                await output.WriteLineAsync($"  stored {i} objects…");
            }
        }

        var after = SettledHeap();
        await output.WriteLineAsync(
            $"Sandbox memory: {count} ConfigMaps (2 labels, 2 data keys, ~300 bytes of data each) grew the managed heap by " +
            $"{(after - before) / 1024.0 / 1024.0:F1} MiB = {(after - before) / (double)count:F0} bytes per stored object");
        await RunEventsAsync(count, output, ct);
        await RunDeploymentsAsync(300, output, ct);
    }

    public static async Task RunDeploymentsAsync(int count, TextWriter output, CancellationToken ct)
    {
        await using var server = await KubeApiServer.StartAsync(new KubeApiServerOptions(), ct);
        using var http = new HttpClient { BaseAddress = server.BaseAddress };
        var before = SettledHeap();
        var started = DateTime.UtcNow;
        await using (var simulators = WorkloadSimulators.Start(server.BaseAddress, new SimulatorOptions { DeploymentRolloutDelay = TimeSpan.FromMilliseconds(10) }))
        {
            for (var i = 0; i < count; i++)
            {
                var body = $$$$$"""{"apiVersion":"apps/v1","kind":"Deployment","metadata":{"name":"web-{{{{{i}}}}}"},"spec":{"replicas":1,"selector":{"matchLabels":{"app":"web-{{{{{i}}}}}"}},"template":{"metadata":{"labels":{"app":"web-{{{{{i}}}}}"}},"spec":{"containers":[{"name":"web","image":"nginx:1.27","ports":[{"containerPort":80}]}]}}}}""";
                using var response = await http.PostAsync("apis/apps/v1/namespaces/default/deployments", new StringContent(body, Encoding.UTF8, "application/json"), ct);
                response.EnsureSuccessStatusCode();
            }

            while (await AvailableAsync(http, ct) < count)
            {
                await Task.Delay(200, ct);
            }

            var after = SettledHeap();
            await output.WriteLineAsync(
                $"Sandbox memory: {count} Deployments (1 replica each) rolled out to {count} ReplicaSets and {count} ready Pods in " +
                $"{(DateTime.UtcNow - started).TotalSeconds:F1} s grew the managed heap by {(after - before) / 1024.0 / 1024.0:F1} MiB = " +
                $"{(after - before) / (double)count:F0} bytes per Deployment with its ReplicaSet, Pod, watch history and simulator caches");
        }
    }

    private static async Task<int> AvailableAsync(HttpClient http, CancellationToken ct)
    {
        var list = JsonNode.Parse(await http.GetStringAsync("apis/apps/v1/namespaces/default/deployments", ct))!;
        return list["items"]!.AsArray().Count(d => d?["status"]?["availableReplicas"]?.GetValue<int>() == 1);
    }

    private static async Task RunEventsAsync(int count, TextWriter output, CancellationToken ct)
    {
        await using var server = await KubeApiServer.StartAsync(new KubeApiServerOptions { WatchHistoryLimit = count + 10 }, ct);
        using var http = new HttpClient { BaseAddress = server.BaseAddress };
        await CreateAsync(http, "target", ct);
        var before = SettledHeap();
        for (var i = 0; i < count; i++)
        {
            var patch = $$$"""{"data":{"key":"value-{{{i}}}"}}""";
            using var content = new StringContent(patch, Encoding.UTF8, "application/merge-patch+json");
            using var response = await http.PatchAsync("api/v1/namespaces/default/configmaps/target", content, ct);
            response.EnsureSuccessStatusCode();
        }

        var after = SettledHeap();
        await output.WriteLineAsync(
            $"Sandbox memory: {count} updates of one such ConfigMap, all retained as watch history, grew the managed heap by " +
            $"{(after - before) / 1024.0 / 1024.0:F1} MiB = {(after - before) / (double)count:F0} bytes per watch event");
    }

    private static async Task CreateAsync(HttpClient http, string name, CancellationToken ct)
    {
        var body = $$$"""{"apiVersion":"v1","kind":"ConfigMap","metadata":{"name":"{{{name}}}","labels":{"app":"bench","tier":"t{{{name.Length}}}"}},"data":{"key":"value","other":"{{{new string('x', 256)}}}"}}""";
        using var response = await http.PostAsync("api/v1/namespaces/default/configmaps", new StringContent(body, Encoding.UTF8, "application/json"), ct);
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
