using k8s;
using k8s.Models;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using OciOperator.Runtime.Caching;
using OciOperator.Runtime.Tests.Support;

namespace OciOperator.Runtime.Tests.Caching;

public sealed class InformerTests
{
    private static readonly Reconciliation.ResourceType ConfigMaps = new(string.Empty, "v1", "ConfigMap", "configmaps");

    [Test]
    public async Task Run_ExpiredWatch_RelistsAndReportsVanishedKeysAsDeleted()
    {
        var api = new ScriptedKubeApi { ListItems = [Cm("a", "1", ownerUid: "o1"), Cm("b", "1")], ListResourceVersion = "10" };
        var (informer, deleted, cts, run) = Start(api);
        await informer.WaitForSyncAsync(CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(10));

        api.ListItems = [Cm("b", "2")];
        api.ListResourceVersion = "20";
        api.Push(WatchEventType.Error, null, "", new V1Status { Code = 410, Reason = "Expired" });
        await Eventually.WaitAsync(() => api.Lists == 2 && informer.Get("ns", "a") is null, "relisted");
        api.Push(WatchEventType.Bookmark, null, "25");
        await Eventually.WaitAsync(() => informer.LastSyncResourceVersion == "25", "bookmark advanced the resourceVersion");
        api.EndWatch();
        await Eventually.WaitAsync(() => api.WatchedFrom.Count == 3, "watch resumed after the stream ended");
        await cts.CancelAsync();
        await run.WaitAsync(TimeSpan.FromSeconds(10));

        Assert.That(deleted, Is.EqualTo(new[] { "a" }));
        Assert.That(informer.Get("ns", "b")?.ResourceVersion(), Is.EqualTo("2"));
        Assert.That(api.WatchedFrom, Is.EqualTo(new[] { "10", "20", "25" }));
        Assert.That(api.Lists, Is.EqualTo(2), "a stream that simply ends is resumed, not relisted");
    }

    [Test]
    public async Task ByIndex_OwnerAndCustomIndexes_FollowUpdatesAndDeletes()
    {
        var api = new ScriptedKubeApi { ListItems = [Cm("a", "1", ownerUid: "o1"), Cm("b", "1", ownerUid: "o1")] };
        var (informer, _, cts, run) = Start(api);
        informer.AddIndexer(Indexers.OwnerUid, Indexers.ByOwnerUid);
        informer.AddIndexer("secret", cm => cm.Data?.TryGetValue("secret", out var s) == true ? [s] : []);
        await informer.WaitForSyncAsync(CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(10));

        var moved = Cm("b", "2", ownerUid: "o2");
        moved.Data["secret"] = "admin";
        api.Push(WatchEventType.Modified, moved, "2");
        api.Push(WatchEventType.Deleted, Cm("a", "3", ownerUid: "o1"), "3");
        await Eventually.WaitAsync(() => informer.Count == 1, "delete applied");
        await cts.CancelAsync();
        await run.WaitAsync(TimeSpan.FromSeconds(10));

        Assert.That(informer.ByIndex(Indexers.OwnerUid, "o1"), Is.Empty);
        Assert.That(informer.ByIndex(Indexers.OwnerUid, "o2").Select(c => c.Name()), Is.EqualTo(new[] { "b" }));
        Assert.That(informer.ByIndex("secret", "admin").Select(c => c.Name()), Is.EqualTo(new[] { "b" }));
        Assert.That(informer.List("ns"), Has.Count.EqualTo(1));
        Assert.That(informer.List("other"), Is.Empty);
    }

    [Test]
    public async Task Resync_PeriodElapses_RedeliversCachedObjectsAsUpdates()
    {
        var time = new FakeTimeProvider();
        var api = new ScriptedKubeApi { ListItems = [Cm("a", "1")] };
        var informer = new Informer<V1ConfigMap>(ConfigMaps, api, new InformerOptions { ResyncPeriod = TimeSpan.FromMinutes(10) }, time, NullLogger.Instance);
        var updates = 0;
        informer.AddEventHandler(new ResourceEventHandler<V1ConfigMap>(OnUpdate: (_, _) => Interlocked.Increment(ref updates)));
        using var cts = new CancellationTokenSource();
        var run = informer.RunAsync(cts.Token);
        await informer.WaitForSyncAsync(CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(10));

        await Eventually.WaitAsync(
            () =>
            {
                time.Advance(TimeSpan.FromMinutes(1));
                return Volatile.Read(ref updates) >= 1;
            },
            "a resync");
        await cts.CancelAsync();
        await run.WaitAsync(TimeSpan.FromSeconds(10));

        Assert.That(updates, Is.GreaterThanOrEqualTo(1));
    }

    private static (Informer<V1ConfigMap> Informer, List<string> Deleted, CancellationTokenSource Cts, Task Run) Start(ScriptedKubeApi api)
    {
        var informer = new Informer<V1ConfigMap>(ConfigMaps, api, new InformerOptions(), TimeProvider.System, NullLogger.Instance);
        var deleted = new List<string>();
        informer.AddEventHandler(new ResourceEventHandler<V1ConfigMap>(OnDelete: cm => deleted.Add(cm.Name())));
        var cts = new CancellationTokenSource();
        return (informer, deleted, cts, informer.RunAsync(cts.Token));
    }

    private static V1ConfigMap Cm(string name, string rv, string? ownerUid = null) => new()
    {
        Metadata = new V1ObjectMeta
        {
            Name = name,
            NamespaceProperty = "ns",
            ResourceVersion = rv,
            OwnerReferences = ownerUid is null ? null : [new V1OwnerReference { Uid = ownerUid, Name = "owner", Kind = "Widget", ApiVersion = "test/v1" }],
        },
        Data = new Dictionary<string, string>(),
    };
}
