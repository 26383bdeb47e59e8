using k8s;
using k8s.Models;
using OciOperator.Sandbox.Kube.Tests.Support;

namespace OciOperator.Sandbox.Kube.Tests.Events;

/// <summary>The real kubectl: Events recorded through events.k8s.io/v1 appear in <c>kubectl describe</c> (which lists core/v1).</summary>
[TestFixture]
[Parallelizable(ParallelScope.Children)]
[FixtureLifeCycle(LifeCycle.InstancePerTestCase)]
public sealed class KubectlDescribeEventsTests : KubectlFixture
{
    private async Task<KubectlResult> Ok(params string[] args)
    {
        var result = await Kubectl.RunAsync(args);
        Assert.That(result.ExitCode, Is.EqualTo(0), result.ToString());
        return result;
    }

    private async Task<V1ConfigMap> CreateConfigMapAsync(string name) =>
        await Server.Client.CoreV1.CreateNamespacedConfigMapAsync(new V1ConfigMap { Metadata = new V1ObjectMeta { Name = name } }, "default");

    private async Task RecordAsync(V1ConfigMap about, string name, string reason, string type, string note)
    {
        var e = EventBuilders.EventsV1(name, regarding: about.Metadata.Name, reason: reason, type: type, note: note, uid: about.Metadata.Uid);
        await Server.Client.EventsV1.CreateNamespacedEventAsync(e, "default");
    }

    [Test]
    public async Task Describe_ConfigMapWithEventsV1Events_ShowsThemInEventsTable()
    {
        var cm = await CreateConfigMapAsync("cm");
        var other = await CreateConfigMapAsync("other");
        await RecordAsync(cm, "cm.1", "Provisioned", "Normal", "database is ready");
        await RecordAsync(cm, "cm.2", "DriftDetected", "Warning", "display name changed out of band");
        await RecordAsync(other, "other.1", "Unrelated", "Normal", "about another object");

        var described = await Ok("describe", "configmap", "cm");

        var events = described.Stdout[described.Stdout.IndexOf("Events:", StringComparison.Ordinal)..];
        Assert.That(events, Does.Match(@"Normal\s+Provisioned\s+\S+\s+oci\.oracle\.com/operator\s+database is ready"));
        Assert.That(events, Does.Match(@"Warning\s+DriftDetected\s+\S+\s+oci\.oracle\.com/operator\s+display name changed out of band"));
        Assert.That(events, Does.Not.Contain("Unrelated"));
    }

    [Test]
    public async Task Describe_EventForOtherUidWithSameName_NotShown()
    {
        var cm = await CreateConfigMapAsync("cm");
        var stale = EventBuilders.EventsV1("stale", regarding: "cm", reason: "OldIncarnation", uid: "uid-of-a-deleted-cm");
        await Server.Client.EventsV1.CreateNamespacedEventAsync(stale, "default");
        await RecordAsync(cm, "fresh", "CurrentIncarnation", "Normal", "about this cm");

        var described = await Ok("describe", "configmap", "cm");

        Assert.That(described.Stdout, Does.Contain("CurrentIncarnation"));
        Assert.That(described.Stdout, Does.Not.Contain("OldIncarnation"));
    }

    [Test]
    public async Task GetEvents_EventsV1Recorded_ListedByKubectlGetWithFieldSelector()
    {
        var cm = await CreateConfigMapAsync("cm");
        await RecordAsync(cm, "cm.1", "Provisioned", "Normal", "database is ready");

        var core = await Ok("get", "events", "--field-selector", "involvedObject.name=cm,type=Normal");
        var eventsApi = await Ok("get", "events.v1.events.k8s.io", "--field-selector", "regarding.name=cm", "-o", "jsonpath={.items[*].note}");
        var table = await Ok("get", "events.v1.events.k8s.io");
        var wide = await Ok("get", "events", "-o", "wide");
        var none = await Ok("get", "events", "--field-selector", "type=Warning");
        var bad = await Kubectl.RunAsync("get", "events", "--field-selector", "note=x");

        Assert.That(core.Stdout, Does.Match(@"LAST SEEN\s+TYPE\s+REASON\s+OBJECT\s+MESSAGE"));
        Assert.That(core.Stdout, Does.Match(@"\s+Normal\s+Provisioned\s+configmap/cm\s+database is ready"));
        Assert.That(eventsApi.Stdout, Is.EqualTo("database is ready"));
        Assert.That(table.Stdout, Does.Match(@"\s+Normal\s+Provisioned\s+configmap/cm\s+database is ready"));
        Assert.That(none.Stdout + none.Stderr, Does.Contain("No resources found"));
        Assert.That(wide.Stdout, Does.Match(@"SUBOBJECT\s+SOURCE\s+MESSAGE\s+FIRST SEEN\s+COUNT\s+NAME"));
        Assert.That(wide.Stdout, Does.Match(@"oci\.oracle\.com/operator, operator-0\s+database is ready\s+\S+\s+1\s+cm\.1"));
        Assert.That(bad.ExitCode, Is.Not.EqualTo(0));
        Assert.That(bad.Stderr, Does.Contain("field label not supported: note"));
    }
    [Test]
    public async Task KubectlEvents_ForConfigMap_ListsOnlyItsEventsV1Events()
    {
        var cm = await CreateConfigMapAsync("cm");
        var other = await CreateConfigMapAsync("other");
        await RecordAsync(cm, "cm.1", "Provisioned", "Normal", "database is ready");
        await RecordAsync(other, "other.1", "Unrelated", "Normal", "about another object");

        var events = await Ok("events", "--for", "configmap/cm");
        var warnings = await Ok("events", "--for", "configmap/cm", "--types", "Warning");

        Assert.That(events.Stdout, Does.Match(@"Normal\s+Provisioned\s+ConfigMap/cm\s+database is ready"));
        Assert.That(events.Stdout, Does.Not.Contain("Unrelated"));
        Assert.That(warnings.Stdout + warnings.Stderr, Does.Not.Contain("Provisioned"));
    }
    [Test]
    public async Task Describe_CustomResourceWithEventsV1Events_ShowsThem()
    {
        await Ok("apply", "-f", Kubectl.WriteFile("crd.yaml", TestManifests.WidgetCrd));
        await Ok("wait", "--for=condition=established", "--timeout=20s", "crd/widgets.example.com");
        await Ok("apply", "-f", Kubectl.WriteFile("w.yaml", TestManifests.Widget("w1", "red")));
        var uid = (await Ok("get", "widget", "w1", "-o", "jsonpath={.metadata.uid}")).Stdout;
        var e = EventBuilders.EventsV1("w1.1", regarding: "w1", reason: "Painted", note: "painted red", uid: uid);
        e.Regarding.ApiVersion = "example.com/v1";
        e.Regarding.Kind = "Widget";
        await Server.Client.EventsV1.CreateNamespacedEventAsync(e, "default");

        var described = await Ok("describe", "widget", "w1");

        var events = described.Stdout[described.Stdout.IndexOf("Events:", StringComparison.Ordinal)..];
        Assert.That(events, Does.Match(@"Normal\s+Painted\s+\S+\s+oci\.oracle\.com/operator\s+painted red"));
    }
}
