using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging.Abstractions;
using OciOperator.ResourceGraph.Instances;
using OciOperator.ResourceGraph.Tests.Support;
using OciOperator.Runtime.Caching;
using OciOperator.Runtime.Client;
using static OciOperator.ResourceGraph.Tests.Support.InstanceHarness;

namespace OciOperator.ResourceGraph.Tests.Instances;

/// <summary>
/// The reconciler's view of its informer caches against the Sandbox: hits, known absence in a complete cache, and
/// read-your-writes — a copy older than our own write, or a miss right after our own create, sends the read to the
/// API server instead of being acted on (so a child is never created twice or pruned for a lagging cache).
/// </summary>
public sealed class ObjectCacheTests
{
    [Test]
    public async Task Read_CompleteAndLabelledCaches_HitAbsentOrUnknown()
    {
        await using var h = await InstanceHarness.StartAsync();
        await h.CreateAsync(Widgets, "{apiVersion: test.kro.dev/v1, kind: Widget, metadata: {name: w1, namespace: default}, spec: {name: x}}");
        await using var running = await RunAsync(h, Widgets, complete: true);
        var cache = running.Cache;

        Assert.That(cache.Read(Widgets, "default", "w1").Kind, Is.EqualTo(CacheReadKind.Hit));
        Assert.That(cache.Read(Widgets, "default", "nothing").Kind, Is.EqualTo(CacheReadKind.Absent), "a complete cache knows what does not exist");
        Assert.That(cache.Read(ConfigMaps, "default", "w1").Kind, Is.EqualTo(CacheReadKind.Unknown), "no cache serves ConfigMaps");

        await using var labelled = await RunAsync(h, Widgets, complete: false);
        Assert.That(labelled.Cache.Read(Widgets, "default", "nothing").Kind, Is.EqualTo(CacheReadKind.Unknown), "a miss among labelled children proves nothing");
    }

    [Test]
    public async Task Read_AfterOwnWrites_NeverServesACopyOlderThanTheWrite()
    {
        await using var h = await InstanceHarness.StartAsync();
        var created = await h.CreateAsync(Widgets, "{apiVersion: test.kro.dev/v1, kind: Widget, metadata: {name: w1, namespace: default}, spec: {name: x}}");
        await using var running = await RunAsync(h, Widgets, complete: true);
        var cache = running.Cache;

        // We "created" w2 (the watch has not delivered it) and "updated" w1 to a version the cache has not seen.
        cache.Wrote(Widgets, null, Obj("w2", "999"));
        var newer = created.DeepClone().AsObject();
        newer["metadata"]!["resourceVersion"] = "998";
        cache.Wrote(Widgets, created, newer);

        Assert.That(cache.Read(Widgets, "default", "w2").Kind, Is.EqualTo(CacheReadKind.Unknown), "a miss right after our create is not absence");
        Assert.That(cache.Read(Widgets, "default", "w1").Kind, Is.EqualTo(CacheReadKind.Unknown), "the cached copy is older than our write");

        // The cache catches up (any newer version of w1): it serves again.
        await h.PatchAsync(Widgets, "default", "w1", "{spec: {name: y}}");
        await Eventually.WaitAsync(() => Task.FromResult(cache.Read(Widgets, "default", "w1") is { Kind: CacheReadKind.Hit } hit
            && hit.Object!["spec"]!["name"]!.GetValue<string>() == "y"), "the cache to serve the newer copy");
    }

    private static JsonObject Obj(string name, string resourceVersion) =>
        new() { ["metadata"] = new JsonObject { ["name"] = name, ["namespace"] = "default", ["resourceVersion"] = resourceVersion } };

    private static async Task<Running> RunAsync(InstanceHarness h, Runtime.Reconciliation.ResourceType type, bool complete)
    {
        var informer = new Informer<UnstructuredObject>(type, h.OperatorKube, new InformerOptions(), TimeProvider.System, NullLogger.Instance);
        var cache = new ObjectCache();
        cache.Add(type, informer, complete);
        var stop = new CancellationTokenSource();
        var run = informer.RunAsync(stop.Token);
        await informer.WaitForSyncAsync(CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(10));
        return new Running(cache, stop, run);
    }

    private sealed record Running(ObjectCache Cache, CancellationTokenSource Stop, Task Run) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync()
        {
            await Stop.CancelAsync();
            await Run;
            Stop.Dispose();
        }
    }
}
