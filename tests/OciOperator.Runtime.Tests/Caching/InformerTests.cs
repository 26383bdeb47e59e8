using k8s;
using k8s.Models;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using OciOperator.Runtime.Caching;
using OciOperator.Runtime.Client;
using OciOperator.Runtime.Tests.Support;

namespace OciOperator.Runtime.Tests.Caching;

public sealed class InformerTests
{
    private const int UndecodableLogId = 1105;

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

    [Test]
    public async Task Run_SameUndecodableObjectInEveryList_LoggedOnceUntilItChanges()
    {
        using var logs = new RecordingLoggerFactory();
        var bad = new DecodeFailure("v1", "ConfigMap", "ns", "bad", "uid-1", "7", "The JSON value could not be converted to System.Int32 at $.data");
        var api = new ScriptedKubeApi { ListItems = [Cm("a", "1")], ListUndecodable = [bad] };
        var informer = new Informer<V1ConfigMap>(ConfigMaps, api, new InformerOptions(), TimeProvider.System, logs.CreateLogger("informer"));
        using var cts = new CancellationTokenSource();
        var run = informer.RunAsync(cts.Token);
        await informer.WaitForSyncAsync(CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(10));

        for (var lists = 2; lists <= 3; lists++)
        {
            api.Push(WatchEventType.Error, null, "", new V1Status { Code = 410, Reason = "Expired" });
            await Eventually.WaitAsync(() => api.Lists == lists, $"list {lists}");
        }

        var afterRelists = logs.Count(UndecodableLogId);
        api.PushUndecodable(WatchEventType.Modified, bad with { ResourceVersion = "8" });
        await Eventually.WaitAsync(() => logs.Count(UndecodableLogId) == 2, "a new version of the bad object is logged again");
        api.PushUndecodable(WatchEventType.Deleted, bad with { ResourceVersion = "9" });
        await Eventually.WaitAsync(() => informer.UndecodableKeys.Count == 0, "a deleted bad object is forgotten");
        await cts.CancelAsync();
        await run.WaitAsync(TimeSpan.FromSeconds(10));

        Assert.That(afterRelists, Is.EqualTo(1), "three lists with the same bad object log it once");
        Assert.That(informer.Get("ns", "a"), Is.Not.Null);
    }

    [TestCaseSource(nameof(UnexpectedFailures))]
    public async Task Run_ListThrowsUnexpectedException_BacksOffAndListsAgain(Exception failure)
    {
        var api = new ScriptedKubeApi { ListItems = [Cm("a", "1")], NextListFailure = failure };
        var informer = new Informer<V1ConfigMap>(ConfigMaps, api, new InformerOptions { MaxBackoff = TimeSpan.FromMilliseconds(50) }, TimeProvider.System, NullLogger.Instance);
        var states = new List<InformerState>();
        using var cts = new CancellationTokenSource();

        var run = informer.RunAsync(cts.Token);
        await Eventually.WaitAsync(
            () =>
            {
                states.Add(informer.State);
                return informer.HasSynced;
            },
            "synced after the failure");
        var synced = informer.State;
        await cts.CancelAsync();
        await run.WaitAsync(TimeSpan.FromSeconds(10));

        Assert.That(api.Lists, Is.EqualTo(2));
        Assert.That(informer.Get("ns", "a"), Is.Not.Null);
        Assert.That(synced, Is.EqualTo(InformerState.Synced));
        Assert.That(informer.State, Is.EqualTo(InformerState.Stopped));
    }

    [Test]
    public async Task Run_ListThrowsUnexpectedException_ReportsFailingWithTheErrorUntilItRecovers()
    {
        var api = new ScriptedKubeApi { ListItems = [Cm("a", "1")], NextListFailure = new InvalidOperationException("boom") };
        var time = new FakeTimeProvider();
        var informer = new Informer<V1ConfigMap>(ConfigMaps, api, new InformerOptions(), time, NullLogger.Instance);
        using var cts = new CancellationTokenSource();

        var run = informer.RunAsync(cts.Token);
        await Eventually.WaitAsync(() => informer.State == InformerState.Failing, "failing");
        var error = informer.LastError;
        await Eventually.WaitAsync(
            () =>
            {
                time.Advance(TimeSpan.FromMilliseconds(100));
                return informer.State == InformerState.Synced;
            },
            "synced after the backoff");
        await cts.CancelAsync();
        await run.WaitAsync(TimeSpan.FromSeconds(10));

        Assert.That(error, Does.Contain("InvalidOperationException").And.Contain("boom"));
        Assert.That(informer.LastError, Is.Null);
    }

    [Test]
    public async Task Run_OutOfMemory_StopsAndTheCacheReportsIt()
    {
        var api = new ScriptedKubeApi { NextListFailure = new OutOfMemoryException() };
        await using var cache = new InformerCache(api, TimeProvider.System, NullLoggerFactory.Instance);
        var informer = cache.GetInformer<V1ConfigMap>(ConfigMaps);
        using var cts = new CancellationTokenSource();

        cache.Start(cts.Token);
        var stopped = await cache.Stopped.WaitAsync(TimeSpan.FromSeconds(10));

        Assert.That(stopped.Type, Is.EqualTo(ConfigMaps));
        Assert.That(stopped.InnerException, Is.InstanceOf<OutOfMemoryException>());
        Assert.That(informer.State, Is.EqualTo(InformerState.Stopped));
        Assert.That(cache.IsReady, Is.False);
        Assert.That(cache.NotReady, Has.Exactly(1).Contains("Stopped"));
    }

    [Test]
    public async Task Stopped_InformerStoppedOnRequest_NeverCompletes()
    {
        var api = new ScriptedKubeApi { ListItems = [Cm("a", "1")] };
        var cache = new InformerCache(api, TimeProvider.System, NullLoggerFactory.Instance);
        var informer = cache.GetInformer<V1ConfigMap>(ConfigMaps);
        using var cts = new CancellationTokenSource();
        cache.Start(cts.Token);
        await informer.WaitForSyncAsync(CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(10));

        await cache.RemoveInformerAsync(informer);
        await cache.DisposeAsync();

        Assert.That(cache.Stopped.IsCompleted, Is.False);
    }

    private static IEnumerable<TestCaseData> UnexpectedFailures()
    {
        yield return new TestCaseData(new InvalidOperationException("a bug in a decoder")).SetName("Run_ListThrowsInvalidOperation_BacksOffAndListsAgain");
        yield return new TestCaseData(new FormatException("not a date-time")).SetName("Run_ListThrowsFormatException_BacksOffAndListsAgain");
        yield return new TestCaseData(new NullReferenceException()).SetName("Run_ListThrowsNullReference_BacksOffAndListsAgain");
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
