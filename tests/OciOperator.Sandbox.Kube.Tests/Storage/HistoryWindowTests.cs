using System.Text.Json.Nodes;
using Microsoft.Extensions.Time.Testing;
using OciOperator.Sandbox.Kube.Storage;

namespace OciOperator.Sandbox.Kube.Tests.Storage;

/// <summary>Watch history compacted by age, as the real server's periodic etcd compaction (about 5 minutes).</summary>
public sealed class HistoryWindowTests
{
    private static JsonObject Obj(string name) =>
        new() { ["metadata"] = new JsonObject { ["name"] = name, ["namespace"] = "default", ["uid"] = Guid.NewGuid().ToString() } };

    [Test]
    public void Subscribe_WithinWindow_ReplaysHistory()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2030, 1, 1, 0, 0, 0, TimeSpan.Zero));
        var store = new ObjectStore(100, time: clock);
        var first = store.Create("/configmaps", Obj("a"));
        store.Create("/configmaps", Obj("b"));

        clock.Advance(TimeSpan.FromMinutes(4));
        using var subscription = store.Subscribe("/configmaps", null, ObjectMeta.ResourceVersionOf(first));

        Assert.That(subscription.Reader.Count, Is.EqualTo(1));
        Assert.That(store.CompactedThrough, Is.Zero);
    }

    [Test]
    public void Subscribe_OlderThanDefaultWindow_Expires()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2030, 1, 1, 0, 0, 0, TimeSpan.Zero));
        var store = new ObjectStore(100, time: clock);
        var first = store.Create("/configmaps", Obj("a"));
        store.Create("/configmaps", Obj("b"));
        clock.Advance(TimeSpan.FromMinutes(3));
        var recent = store.Create("/configmaps", Obj("c"));

        clock.Advance(TimeSpan.FromMinutes(2) + TimeSpan.FromSeconds(1));

        Assert.That(() => store.Subscribe("/configmaps", null, ObjectMeta.ResourceVersionOf(first)),
            Throws.TypeOf<ResourceVersionExpiredException>().With.Message.EqualTo("too old resource version: 1 (2)"));
        Assert.That(store.HistorySize.Events, Is.EqualTo(1), "only the event of the last 5 minutes stays");
        using var fromRecent = store.Subscribe("/configmaps", null, ObjectMeta.ResourceVersionOf(recent));
        Assert.That(fromRecent.Reader.Count, Is.Zero);
    }

    [Test]
    public void Subscribe_ConfiguredWindow_IsHonoured()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2030, 1, 1, 0, 0, 0, TimeSpan.Zero));
        var store = new ObjectStore(100, historyWindow: TimeSpan.FromSeconds(30), time: clock);
        var first = store.Create("/configmaps", Obj("a"));
        store.Create("/configmaps", Obj("b"));
        store.Create("/configmaps", Obj("c"));

        clock.Advance(TimeSpan.FromSeconds(31));

        Assert.That(() => store.Subscribe("/configmaps", null, ObjectMeta.ResourceVersionOf(first)), Throws.TypeOf<ResourceVersionExpiredException>());
        Assert.That(store.CompactedThrough, Is.EqualTo(2), "the newest event is always kept");
    }
}
