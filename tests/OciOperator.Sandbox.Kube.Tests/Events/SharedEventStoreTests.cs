using System.Net;
using k8s;
using k8s.Models;
using OciOperator.Sandbox.Kube.Tests.Support;

namespace OciOperator.Sandbox.Kube.Tests.Events;

/// <summary>events.k8s.io/v1 and core/v1 Events are one store, converted on every read and write (real KubernetesClient).</summary>
[TestFixture]
[Parallelizable(ParallelScope.Children)]
[FixtureLifeCycle(LifeCycle.InstancePerTestCase)]
public sealed class SharedEventStoreTests : KubeServerTest
{

    [Test]
    public async Task CreateViaEventsV1_ReadViaCoreV1_FieldsConvertedAndIdentityShared()
    {
        var created = await Client.EventsV1.CreateNamespacedEventAsync(EventBuilders.EventsV1("e1"), "default");

        var core = await Client.CoreV1.ReadNamespacedEventAsync("e1", "default");
        var listed = await Client.CoreV1.ListNamespacedEventAsync("default");

        Assert.That(core.InvolvedObject.Name, Is.EqualTo("cm"));
        Assert.That(core.InvolvedObject.Kind, Is.EqualTo("ConfigMap"));
        Assert.That(core.InvolvedObject.Uid, Is.EqualTo("uid-1"));
        Assert.That(core.Message, Is.EqualTo("configured the thing"));
        Assert.That(core.ReportingComponent, Is.EqualTo("oci.oracle.com/operator"));
        Assert.That(core.ReportingInstance, Is.EqualTo("operator-0"));
        Assert.That(core.Action, Is.EqualTo("Reconcile"));
        Assert.That(core.Reason, Is.EqualTo("Synced"));
        Assert.That(core.Type, Is.EqualTo("Normal"));
        Assert.That(core.EventTime, Is.EqualTo(EventBuilders.EventTime));
        Assert.That(core.Metadata.Uid, Is.EqualTo(created.Metadata.Uid));
        Assert.That(core.Metadata.ResourceVersion, Is.EqualTo(created.Metadata.ResourceVersion));
        Assert.That(listed.Items.Select(e => e.Metadata.Name), Is.EqualTo(new[] { "e1" }));
    }

    [Test]
    public async Task CreateViaCoreV1_ReadViaEventsV1_DeprecatedFieldsCarryLegacyData()
    {
        var created = await Client.CoreV1.CreateNamespacedEventAsync(EventBuilders.Core("c1"), "default");

        var events = await Client.EventsV1.ReadNamespacedEventAsync("c1", "default");

        Assert.That(events.Regarding.Name, Is.EqualTo("cm"));
        Assert.That(events.Note, Is.EqualTo("legacy message"));
        Assert.That(events.DeprecatedCount, Is.EqualTo(3));
        Assert.That(events.DeprecatedSource.Component, Is.EqualTo("kubelet"));
        Assert.That(events.DeprecatedSource.Host, Is.EqualTo("node-1"));
        Assert.That(events.DeprecatedFirstTimestamp, Is.EqualTo(new DateTime(2026, 11, 23, 11, 0, 0, DateTimeKind.Utc)));
        Assert.That(events.DeprecatedLastTimestamp, Is.EqualTo(new DateTime(2026, 11, 23, 11, 30, 0, DateTimeKind.Utc)));
        Assert.That(events.Metadata.Uid, Is.EqualTo(created.Metadata.Uid));
        Assert.That(events.ApiVersion, Is.EqualTo("events.k8s.io/v1"));
    }

    [Test]
    public async Task MergePatchSeriesViaEventsV1_VisibleViaCoreV1WithSameResourceVersion()
    {
        await Client.EventsV1.CreateNamespacedEventAsync(EventBuilders.EventsV1("e1"), "default");
        var patch = new V1Patch("""{"series":{"count":2,"lastObservedTime":"2026-11-23T12:05:00.000000Z"}}""", V1Patch.PatchType.MergePatch);

        var patched = await Client.EventsV1.PatchNamespacedEventAsync(patch, "e1", "default");
        var core = await Client.CoreV1.ReadNamespacedEventAsync("e1", "default");

        Assert.That(patched.Series.Count, Is.EqualTo(2));
        Assert.That(core.Series.Count, Is.EqualTo(2));
        Assert.That(core.Series.LastObservedTime, Is.EqualTo(new DateTime(2026, 11, 23, 12, 5, 0, DateTimeKind.Utc)));
        Assert.That(core.Metadata.ResourceVersion, Is.EqualTo(patched.Metadata.ResourceVersion));
        Assert.That(core.Message, Is.EqualTo("configured the thing"));
    }

    [Test]
    public async Task MergePatchCountViaCoreV1_OnEventsV1Event_VisibleAsDeprecatedCount()
    {
        await Client.EventsV1.CreateNamespacedEventAsync(EventBuilders.EventsV1("e1"), "default");
        var patch = new V1Patch("""{"count":4,"lastTimestamp":"2026-11-23T12:10:00Z"}""", V1Patch.PatchType.MergePatch);

        await Client.CoreV1.PatchNamespacedEventAsync(patch, "e1", "default");
        var events = await Client.EventsV1.ReadNamespacedEventAsync("e1", "default");

        Assert.That(events.DeprecatedCount, Is.EqualTo(4));
        Assert.That(events.DeprecatedLastTimestamp, Is.EqualTo(new DateTime(2026, 11, 23, 12, 10, 0, DateTimeKind.Utc)));
        Assert.That(events.Note, Is.EqualTo("configured the thing"));
    }

    [Test]
    public async Task ReplaceViaEventsV1_WithStaleResourceVersion_Conflict()
    {
        var created = await Client.EventsV1.CreateNamespacedEventAsync(EventBuilders.EventsV1("e1"), "default");
        await Client.CoreV1.PatchNamespacedEventAsync(new V1Patch("""{"metadata":{"labels":{"a":"b"}}}""", V1Patch.PatchType.MergePatch), "e1", "default");

        await ApiAssert.FailsAsync(() => Client.EventsV1.ReplaceNamespacedEventAsync(created, "e1", "default"), HttpStatusCode.Conflict);
        var current = await Client.EventsV1.ReadNamespacedEventAsync("e1", "default");
        current.Metadata.Labels["c"] = "d";
        var replaced = await Client.EventsV1.ReplaceNamespacedEventAsync(current, "e1", "default");

        Assert.That((await Client.CoreV1.ReadNamespacedEventAsync("e1", "default")).Metadata.Labels, Is.EquivalentTo(new Dictionary<string, string> { ["a"] = "b", ["c"] = "d" }));
        Assert.That(replaced.Note, Is.EqualTo("configured the thing"));
    }

    [Test]
    public async Task CreateViaEventsV1_NameTakenViaCoreV1_AlreadyExists()
    {
        await Client.CoreV1.CreateNamespacedEventAsync(EventBuilders.Core("same"), "default");

        var status = await ApiAssert.FailsAsync(() => Client.EventsV1.CreateNamespacedEventAsync(EventBuilders.EventsV1("same"), "default"), HttpStatusCode.Conflict);

        Assert.That(status["reason"]!.GetValue<string>(), Is.EqualTo("AlreadyExists"));
    }

    [Test]
    public async Task DeleteViaCoreV1_EventCreatedViaEventsV1_GoneFromBoth()
    {
        await Client.EventsV1.CreateNamespacedEventAsync(EventBuilders.EventsV1("e1"), "default");

        await Client.CoreV1.DeleteNamespacedEventAsync("e1", "default");

        await ApiAssert.FailsAsync(() => Client.EventsV1.ReadNamespacedEventAsync("e1", "default"), HttpStatusCode.NotFound);
        Assert.That((await Client.EventsV1.ListNamespacedEventAsync("default")).Items, Is.Empty);
    }

    [Test]
    public async Task WatchCoreV1_EventCreatedViaEventsV1_AddedInCoreForm()
    {
        var list = await Client.CoreV1.ListNamespacedEventAsync("default");
        await using var watch = await WatchLines.OpenAsync(Server, $"/api/v1/namespaces/default/events?watch=true&resourceVersion={list.Metadata.ResourceVersion}");

        await Client.EventsV1.CreateNamespacedEventAsync(EventBuilders.EventsV1("e1"), "default");
        var added = await watch.NextOfAsync("ADDED", "e1");

        Assert.That(added["object"]!["apiVersion"]!.GetValue<string>(), Is.EqualTo("v1"));
        Assert.That(added["object"]!["message"]!.GetValue<string>(), Is.EqualTo("configured the thing"));
        Assert.That(added["object"]!["involvedObject"]!["name"]!.GetValue<string>(), Is.EqualTo("cm"));
    }

    [Test]
    public async Task WatchEventsV1_EventPatchedViaCoreV1_ModifiedInEventsForm()
    {
        await Client.CoreV1.CreateNamespacedEventAsync(EventBuilders.Core("c1"), "default");
        var list = await Client.EventsV1.ListNamespacedEventAsync("default");
        await using var watch = await WatchLines.OpenAsync(Server, $"/apis/events.k8s.io/v1/namespaces/default/events?watch=true&resourceVersion={list.Metadata.ResourceVersion}");

        await Client.CoreV1.PatchNamespacedEventAsync(new V1Patch("""{"count":5}""", V1Patch.PatchType.MergePatch), "c1", "default");
        var modified = await watch.NextOfAsync("MODIFIED", "c1");

        Assert.That(modified["object"]!["apiVersion"]!.GetValue<string>(), Is.EqualTo("events.k8s.io/v1"));
        Assert.That(modified["object"]!["deprecatedCount"]!.GetValue<int>(), Is.EqualTo(5));
        Assert.That(modified["object"]!["regarding"]!["name"]!.GetValue<string>(), Is.EqualTo("cm"));
        Assert.That(modified["object"]!.AsObject().ContainsKey("involvedObject"), Is.False);
    }
    [Test]
    public async Task PutViaEventsV1_MissingEvent_CreatesItVisibleViaCoreV1()
    {
        var created = await Client.EventsV1.ReplaceNamespacedEventAsync(EventBuilders.EventsV1("put"), "put", "default");

        var core = await Client.CoreV1.ReadNamespacedEventAsync("put", "default");

        Assert.That(created.Note, Is.EqualTo("configured the thing"));
        Assert.That(core.Message, Is.EqualTo("configured the thing"));
        Assert.That(core.Metadata.Uid, Is.EqualTo(created.Metadata.Uid));
    }

    [Test]
    public async Task ServerSideApplyViaEventsV1_CreateThenSeries_StoredOnceAndReadableViaCoreV1()
    {
        const string manifest = """
            apiVersion: events.k8s.io/v1
            kind: Event
            metadata: {name: applied, namespace: default}
            regarding: {apiVersion: v1, kind: ConfigMap, name: cm, namespace: default}
            eventTime: "2026-11-23T12:00:00.000000Z"
            reportingController: oci.oracle.com/operator
            reportingInstance: operator-0
            action: Reconcile
            reason: Applied
            type: Normal
            note: applied via SSA
            """;
        const string path = "/apis/events.k8s.io/v1/namespaces/default/events/applied?fieldManager=test";

        var (createCode, created, _) = await Server.SendAsync(HttpMethod.Patch, path, manifest, "application/apply-patch+yaml");
        var (updateCode, updated, _) = await Server.SendAsync(HttpMethod.Patch, path,
            manifest + "\nseries: {count: 2, lastObservedTime: \"2026-11-23T12:01:00.000000Z\"}\n", "application/apply-patch+yaml");
        var core = await Client.CoreV1.ReadNamespacedEventAsync("applied", "default");

        Assert.That(createCode, Is.EqualTo(201), created?.ToJsonString());
        Assert.That(updateCode, Is.EqualTo(200), updated?.ToJsonString());
        Assert.That(updated!["series"]!["count"]!.GetValue<int>(), Is.EqualTo(2));
        Assert.That(core.Series.Count, Is.EqualTo(2));
        Assert.That(core.Message, Is.EqualTo("applied via SSA"));
        Assert.That(core.InvolvedObject.Name, Is.EqualTo("cm"));
    }
}
