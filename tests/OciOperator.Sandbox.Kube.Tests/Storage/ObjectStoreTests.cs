using System.Text.Json.Nodes;
using OciOperator.Sandbox.Kube.Storage;

namespace OciOperator.Sandbox.Kube.Tests.Storage;

/// <summary>The in-memory store: one resourceVersion counter, history replay, compaction and subscriptions.</summary>
public sealed class ObjectStoreTests
{
    private static JsonObject Obj(string name, string ns = "default") =>
        new() { ["metadata"] = new JsonObject { ["name"] = name, ["namespace"] = ns, ["uid"] = Guid.NewGuid().ToString() } };

    [Test]
    public void Create_TwoCollections_ShareOneIncreasingCounter()
    {
        var store = new ObjectStore(100);

        var a = store.Create("/configmaps", Obj("a"));
        var b = store.Create("apps/deployments", Obj("b"));

        Assert.That(ObjectMeta.ResourceVersionOf(a), Is.EqualTo(1));
        Assert.That(ObjectMeta.ResourceVersionOf(b), Is.EqualTo(2));
        Assert.That(store.CurrentResourceVersion, Is.EqualTo(2));
    }

    [Test]
    public void Subscribe_FromResourceVersion_ReplaysOnlyLaterEventsOfThatCollection()
    {
        var store = new ObjectStore(100);
        store.Create("/configmaps", Obj("a"));
        store.Create("/secrets", Obj("s"));
        store.Create("/configmaps", Obj("b"));

        using var subscription = store.Subscribe("/configmaps", null, 1);

        Assert.That(subscription.Reader.TryRead(out var e), Is.True);
        Assert.That(ObjectMeta.NameOf(e!.Object), Is.EqualTo("b"));
        Assert.That(subscription.Reader.TryRead(out _), Is.False);
    }

    [Test]
    public void Subscribe_WithoutResourceVersion_SyntheticAddedPerObjectInNamespace()
    {
        var store = new ObjectStore(100);
        store.Create("/configmaps", Obj("a"));
        store.Create("/configmaps", Obj("b", "other"));

        using var subscription = store.Subscribe("/configmaps", "default", null);

        Assert.That(subscription.Reader.Count, Is.EqualTo(1));
        Assert.That(subscription.Reader.TryRead(out var e), Is.True);
        Assert.That(e!.Type, Is.EqualTo(StoreEventType.Added));
    }

    [Test]
    public void Subscribe_AfterCompaction_OlderResourceVersionExpires()
    {
        var store = new ObjectStore(100);
        store.Create("/configmaps", Obj("a"));
        store.Create("/configmaps", Obj("b"));
        store.CompactHistory();

        Assert.That(() => store.Subscribe("/configmaps", null, 1), Throws.TypeOf<ResourceVersionExpiredException>()
            .With.Message.EqualTo("too old resource version: 1 (2)"));
        Assert.That(() => store.Subscribe("/configmaps", null, 2).Dispose(), Throws.Nothing);
    }

    [Test]
    public void Remove_DeletedEventCarriesNewResourceVersionAndLastState()
    {
        var store = new ObjectStore(100);
        store.Create("/configmaps", Obj("a"));
        using var subscription = store.Subscribe("/configmaps", null, 1);

        var last = store.Remove("/configmaps", "default", "a");

        Assert.That(subscription.Reader.TryRead(out var e), Is.True);
        Assert.That(e!.Type, Is.EqualTo(StoreEventType.Deleted));
        Assert.That(ObjectMeta.ResourceVersionOf(e.Object), Is.EqualTo(2));
        Assert.That(ObjectMeta.ResourceVersionOf(last!), Is.EqualTo(2));
        Assert.That(store.Get("/configmaps", "default", "a"), Is.Null);
    }

    [Test]
    public void CloseSubscriptions_CompletesReaders()
    {
        var store = new ObjectStore(100);
        var subscription = store.Subscribe("/configmaps", null, null);

        store.CloseSubscriptions("/configmaps");

        Assert.That(subscription.Reader.Completion.IsCompleted, Is.True);
        Assert.That(store.SubscriptionCount, Is.EqualTo(0));
    }

    [Test]
    public void TakeOwnerChecks_AfterOwnerRemoved_ReturnsDependents()
    {
        var store = new ObjectStore(100);
        var owner = store.Create("/configmaps", Obj("owner"));
        var dependent = Obj("dep");
        dependent["metadata"]!["ownerReferences"] = new JsonArray(new JsonObject { ["uid"] = ObjectMeta.UidOf(owner) });
        store.Create("/configmaps", dependent);
        store.TakeOwnerChecks();

        store.Remove("/configmaps", "default", "owner");
        var checks = store.TakeOwnerChecks();

        Assert.That(checks.Select(c => c.Name), Is.EqualTo(new[] { "dep" }));
    }

    [Test]
    public void Update_LargeObjectManyTimes_HistoryBoundedByBytes()
    {
        var store = new ObjectStore(10_000, historyByteLimit: 1024 * 1024);
        var first = store.Create("/configmaps", Big("a", 0));

        for (var i = 1; i <= 50; i++)
        {
            store.Update("/configmaps", Big("a", i));
        }

        var (events, bytes) = store.HistorySize;
        Assert.That(bytes, Is.LessThanOrEqualTo(1024 * 1024));
        Assert.That(events, Is.InRange(1, 10), "about 100 KiB per event fits about ten in 1 MiB");
        Assert.Throws<ResourceVersionExpiredException>(() => store.Subscribe("/configmaps", null, ObjectMeta.ResourceVersionOf(first)));
    }

    [Test]
    public void Update_SmallObjects_HistoryKeepsEveryEventWithinTheLimits()
    {
        var store = new ObjectStore(10_000, historyByteLimit: 1024 * 1024);
        var first = store.Create("/configmaps", Obj("a"));

        for (var i = 0; i < 50; i++)
        {
            store.Update("/configmaps", Obj("a"));
        }

        using var subscription = store.Subscribe("/configmaps", null, ObjectMeta.ResourceVersionOf(first));
        Assert.That(subscription.Reader.Count, Is.EqualTo(50));
    }

    [Test]
    public void Update_OneObjectLargerThanTheByteLimit_NewestEventStillRetained()
    {
        var store = new ObjectStore(10_000, historyByteLimit: 1024);
        store.Create("/configmaps", Obj("a"));

        var updated = store.Update("/configmaps", Big("a", 1));

        using var subscription = store.Subscribe("/configmaps", null, ObjectMeta.ResourceVersionOf(updated) - 1);
        Assert.That(subscription.Reader.Count, Is.EqualTo(1));
        Assert.That(store.HistorySize.Events, Is.EqualTo(1));
    }

    [Test]
    public void Subscribe_ResumingThroughHistory_ReplaysEqualObjectsAndPrevious()
    {
        var store = new ObjectStore(100);
        var created = store.Create("/configmaps", Obj("a"));
        var updated = store.Update("/configmaps", Big("a", 1));

        using var subscription = store.Subscribe("/configmaps", null, 0);

        Assert.That(subscription.Reader.TryRead(out var added), Is.True);
        Assert.That(subscription.Reader.TryRead(out var modified), Is.True);
        Assert.That(JsonNode.DeepEquals(added!.Object, created), Is.True);
        Assert.That(JsonNode.DeepEquals(modified!.Object, updated), Is.True);
        Assert.That(JsonNode.DeepEquals(modified.Previous, created), Is.True);
        Assert.That(store.HistorySize.Bytes, Is.EqualTo(created.ToJsonString().Length + updated.ToJsonString().Length));
    }

    private static JsonObject Big(string name, int version)
    {
        var obj = Obj(name);
        obj["data"] = new JsonObject { ["blob"] = new string((char)('a' + (version % 26)), 100 * 1024) };
        return obj;
    }
}
