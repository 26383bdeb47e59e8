using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging.Abstractions;
using OciOperator.Runtime.Caching;
using OciOperator.Runtime.Client;
using OciOperator.Runtime.Events;
using OciOperator.Runtime.Tests.Support;

namespace OciOperator.Runtime.Tests.Caching;

/// <summary>
/// One object the typed informer cannot decode (accepted by the API server, as Go's decoder accepts it) must not
/// stop the informer: the objects around it are cached and delivered, it is skipped, logged once and reported by
/// a Warning Event. Against the Sandbox over HTTP with the real client.
/// </summary>
[NonParallelizable]
public sealed class InformerDecodeTests
{
    private const int UndecodableLogId = 1105;

    private SandboxCluster _cluster = null!;
    private RecordingLoggerFactory _logs = null!;
    private InformerCache _cache = null!;
    private CancellationTokenSource _run = null!;

    public enum Arrival
    {
        /// <summary>The bad object exists before the informer lists.</summary>
        InTheList,

        /// <summary>The bad object turns up in the watch.</summary>
        InAWatch,
    }

    public enum Defect
    {
        /// <summary><c>spec.size: 2147483648</c> on an int32 field without a maximum.</summary>
        Int32Overflow,

        /// <summary><c>status.observedAt: 2030-01-01t00:00:00Z</c>.</summary>
        LowerCaseTTimestamp,
    }

    public static IEnumerable<TestCaseData> BadObjects()
    {
        foreach (var arrival in Enum.GetValues<Arrival>())
        {
            yield return new TestCaseData(arrival, Defect.Int32Overflow, "$.spec.size")
                .SetName($"Run_Int32Overflow{arrival}_OthersDeliveredBadOneSkippedAndReported");
            yield return new TestCaseData(arrival, Defect.LowerCaseTTimestamp, "date-time")
                .SetName($"Run_LowerCaseTTimestamp{arrival}_OthersDeliveredBadOneSkippedAndReported");
        }
    }

    [SetUp]
    public async Task SetUp()
    {
        _cluster = await SandboxCluster.StartAsync();
        await _cluster.CreateGadgetCrdAsync();
        _logs = new RecordingLoggerFactory();
        var events = new EventRecorder(_cluster.Api, "oci-operator-informer", "test", TimeProvider.System, NullLogger<EventRecorder>.Instance);
        _cache = new InformerCache(_cluster.Api, TimeProvider.System, _logs, events);
        _run = new CancellationTokenSource();
    }

    [TearDown]
    public async Task TearDown()
    {
        await _run.CancelAsync();
        await _cache.DisposeAsync();
        _run.Dispose();
        _logs.Dispose();
        await _cluster.DisposeAsync();
    }

    [TestCaseSource(nameof(BadObjects))]
    public async Task Run_BadObject_OthersDeliveredBadOneSkippedAndReported(Arrival arrival, Defect defect, string reasonMentions)
    {
        var informer = _cache.GetInformer<Gadget>(SandboxCluster.Gadgets);
        var added = new ConcurrentQueue<string>();
        using var handler = informer.AddEventHandler(new ResourceEventHandler<Gadget>(OnAdd: g => added.Enqueue(g.Metadata.Name)));
        await CreateGoodAsync("before");
        if (arrival == Arrival.InTheList)
        {
            await CreateBadAsync(defect, "bad");
        }

        _cache.Start(_run.Token);
        await informer.WaitForSyncAsync(CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(20));
        if (arrival == Arrival.InAWatch)
        {
            await CreateBadAsync(defect, "bad");
        }

        await CreateGoodAsync("after");
        await Eventually.WaitAsync(() => informer.Get("default", "after") is not null, "the object created after the bad one is cached");
        await Eventually.WaitAsync(() => informer.UndecodableKeys.Contains("default/bad"), "the bad object is known as undecodable");
        var warning = await WaitForDecodeEventAsync("bad");

        Assert.That(added, Does.Contain("before").And.Contain("after"));
        Assert.That(informer.Get("default", "bad"), Is.Null, "the cache holds only what it can decode");
        Assert.That(informer.State, Is.EqualTo(InformerState.Synced));
        Assert.That(_cache.IsReady, Is.True, "one bad object does not make the operator unready");
        Assert.That(_logs.Entries.Where(e => e.Id.Id == UndecodableLogId).Select(e => e.Message), Has.Exactly(1).Contains("default/bad"));
        Assert.That(warning["type"]?.GetValue<string>(), Is.EqualTo(EventRecorder.Warning));
        Assert.That(warning["note"]?.GetValue<string>(), Does.Contain(reasonMentions).And.Not.Contain("2147483648").And.Not.Contain("2030-01-01t"));
    }

    [Test]
    public async Task Run_CachedObjectTurnsUndecodableThenIsFixed_LeavesTheCacheAndComesBack()
    {
        var informer = _cache.GetInformer<Gadget>(SandboxCluster.Gadgets);
        var deleted = new ConcurrentQueue<string>();
        using var handler = informer.AddEventHandler(new ResourceEventHandler<Gadget>(OnDelete: g => deleted.Enqueue(g.Metadata.Name)));
        await CreateGoodAsync("flaky");
        _cache.Start(_run.Token);
        await informer.WaitForSyncAsync(CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(20));

        await PatchSizeAsync("flaky", JsonValue.Create(2147483648L));
        await Eventually.WaitAsync(() => informer.Get("default", "flaky") is null, "the stale copy leaves the cache");
        var whileBad = informer.UndecodableKeys;
        await PatchSizeAsync("flaky", JsonValue.Create(7));
        await Eventually.WaitAsync(() => informer.Get("default", "flaky")?.Spec.Size == 7, "the fixed object is cached again");

        Assert.That(deleted, Does.Contain("flaky"), "handlers saw the stale copy go");
        Assert.That(whileBad, Does.Contain("default/flaky"));
        Assert.That(informer.UndecodableKeys, Is.Empty);
    }

    private Task CreateBadAsync(Defect defect, string name) => defect switch
    {
        Defect.Int32Overflow => CreateInt32OverflowAsync(_cluster, name),
        _ => CreateLowerCaseTimestampAsync(_cluster, name),
    };

    private static async Task CreateInt32OverflowAsync(SandboxCluster cluster, string name) =>
        await cluster.Api.CreateAsync(SandboxCluster.Gadgets, SandboxCluster.Gadget(name, JsonValue.Create(2147483648L)), CancellationToken.None);

    // Go's RFC 3339 parser, and so the API server, accepts a lower-case 't'; the client's date-time converter does not.
    private static async Task CreateLowerCaseTimestampAsync(SandboxCluster cluster, string name)
    {
        await cluster.Api.CreateAsync(SandboxCluster.Gadgets, SandboxCluster.Gadget(name, JsonValue.Create(1)), CancellationToken.None);
        await cluster.Api.PatchAsync<UnstructuredObject>(
            SandboxCluster.Gadgets, "default", name, PatchKind.Merge, """{"status":{"observedAt":"2030-01-01t00:00:00Z"}}""", status: true, CancellationToken.None);
    }

    private Task CreateGoodAsync(string name) =>
        _cluster.Api.CreateAsync(SandboxCluster.Gadgets, SandboxCluster.Gadget(name, JsonValue.Create(3)), CancellationToken.None);

    private Task PatchSizeAsync(string name, JsonNode size) =>
        _cluster.Api.PatchAsync<UnstructuredObject>(
            SandboxCluster.Gadgets, "default", name, PatchKind.Merge, new JsonObject { ["spec"] = new JsonObject { ["size"] = size } }.ToJsonString(), status: false, CancellationToken.None);

    private async Task<JsonObject> WaitForDecodeEventAsync(string name)
    {
        IReadOnlyList<JsonObject> found = [];
        await Eventually.WaitAsync(async () => (found = await DecodeEventsAsync(name)).Count > 0, $"a FailedDecode Event regarding {name}");
        return found[0];
    }

    private async Task<IReadOnlyList<JsonObject>> DecodeEventsAsync(string name)
    {
        var events = await _cluster.Api.ListAsync<UnstructuredObject>(EventRecorder.EventsV1, new ListOptions("default"), CancellationToken.None);
        return [.. events.Items
            .Where(e => e["reason"]?.GetValue<string>() == InformerEvents.FailedDecode && e["regarding"]?["name"]?.GetValue<string>() == name)
            .Select(e => e.ToJsonObject())];
    }
}
