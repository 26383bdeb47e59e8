using System.Net;
using k8s;
using k8s.Models;
using OciOperator.Sandbox.Kube.Tests.Support;

namespace OciOperator.Sandbox.Kube.Tests.Events;

/// <summary>Event field selectors on list and watch, through core/v1 (involvedObject.*) and events.k8s.io/v1 (regarding.*).</summary>
[TestFixture]
[Parallelizable(ParallelScope.Children)]
[FixtureLifeCycle(LifeCycle.InstancePerTestCase)]
public sealed class EventFieldSelectorTests : KubeServerTest
{
    protected override async Task OnServerStartedAsync()
    {
        // a: events.k8s.io about cm-a (Normal, Synced); b: events.k8s.io about cm-b (Warning, Failed, other uid);
        // c: core about cm-a with source kubelet; d: core about cm-b without source but with a reportingComponent.
        await Client.EventsV1.CreateNamespacedEventAsync(EventBuilders.EventsV1("a", regarding: "cm-a"), "default");
        await Client.EventsV1.CreateNamespacedEventAsync(EventBuilders.EventsV1("b", regarding: "cm-b", reason: "Failed", type: "Warning", uid: "uid-2"), "default");
        await Client.CoreV1.CreateNamespacedEventAsync(EventBuilders.Core("c", involved: "cm-a"), "default");
        await Client.CoreV1.CreateNamespacedEventAsync(EventBuilders.Core("d", involved: "cm-b", reason: "Killing", sourceComponent: null, reportingComponent: "legacy-controller", type: "Warning"), "default");
    }


    private static IEnumerable<TestCaseData> CoreSelectors()
    {
        yield return Case("involvedObject.name=cm-a", ["a", "c"], "InvolvedObjectName");
        yield return Case("involvedObject.name=cm-a,involvedObject.namespace=default,involvedObject.kind=ConfigMap,involvedObject.uid=uid-1", ["a", "c"], "DescribeSelector");
        yield return Case("involvedObject.uid=uid-2", ["b"], "InvolvedObjectUid");
        yield return Case("involvedObject.apiVersion=v1,involvedObject.kind!=ConfigMap", [], "KindNotEquals");
        yield return Case("involvedObject.resourceVersion=", ["a", "b", "c", "d"], "EmptyResourceVersion");
        yield return Case("involvedObject.fieldPath!=", [], "FieldPathNotEmpty");
        yield return Case("reason=Failed", ["b"], "Reason");
        yield return Case("reason!=Synced", ["b", "c", "d"], "ReasonNotEquals");
        yield return Case("type==Warning", ["b", "d"], "TypeDoubleEquals");
        yield return Case("source=kubelet", ["c"], "SourceComponent");
        yield return Case("source=legacy-controller", ["d"], "SourceFallsBackToReportingComponent");
        yield return Case("source=oci.oracle.com/operator", ["a", "b"], "SourceOfEventsV1IsReportingController");
        yield return Case("reportingComponent=oci.oracle.com/operator", ["a", "b"], "ReportingComponent");
        yield return Case("metadata.name=d", ["d"], "MetadataName");
    }

    private static IEnumerable<TestCaseData> EventsV1Selectors()
    {
        yield return Case("regarding.name=cm-b", ["b", "d"], "RegardingName");
        yield return Case("regarding.kind=ConfigMap,regarding.namespace=default,regarding.uid=uid-1", ["a", "c", "d"], "RegardingKindNamespaceUid");
        yield return Case("regarding.apiVersion!=v1", [], "RegardingApiVersionNotEquals");
        yield return Case("reportingController=legacy-controller", ["d"], "ReportingController");
        yield return Case("type=Normal,reason=Synced", ["a"], "TypeAndReason");
        yield return Case("source=kubelet", ["c"], "Source");
    }

    private static TestCaseData Case(string selector, string[] expected, string name) => new TestCaseData(selector, expected).SetName(name);

    [TestCaseSource(nameof(CoreSelectors))]
    public async Task ListCoreV1_FieldSelector_ReturnsMatches(string selector, string[] expected)
    {
        var list = await Client.CoreV1.ListNamespacedEventAsync("default", fieldSelector: selector);

        Assert.That(list.Items.Select(e => e.Metadata.Name), Is.EqualTo(expected));
    }

    [TestCaseSource(nameof(EventsV1Selectors))]
    public async Task ListEventsV1_FieldSelector_ReturnsMatches(string selector, string[] expected)
    {
        var list = await Client.EventsV1.ListNamespacedEventAsync("default", fieldSelector: selector);

        Assert.That(list.Items.Select(e => e.Metadata.Name), Is.EqualTo(expected));
    }

    [TestCase("/api/v1/namespaces/default/events", "regarding.name")]
    [TestCase("/api/v1/namespaces/default/events", "involvedObject.foo")]
    [TestCase("/apis/events.k8s.io/v1/namespaces/default/events", "involvedObject.name")]
    [TestCase("/apis/events.k8s.io/v1/namespaces/default/events", "note")]
    public async Task List_UnsupportedEventLabel_400FieldLabelNotSupported(string path, string label)
    {
        var (code, status, _) = await Server.SendAsync(HttpMethod.Get, path + "?fieldSelector=" + Uri.EscapeDataString(label + "=x"));

        Assert.That(code, Is.EqualTo(400));
        Assert.That(status!["message"]!.GetValue<string>(), Is.EqualTo("field label not supported: " + label));
    }

    [Test]
    public async Task WatchCoreV1_InvolvedObjectSelector_OnlyMatchingEventsAndTransitions()
    {
        var list = await Client.CoreV1.ListNamespacedEventAsync("default");
        await using var watch = await WatchLines.OpenAsync(Server,
            $"/api/v1/namespaces/default/events?watch=true&resourceVersion={list.Metadata.ResourceVersion}&fieldSelector=" +
            Uri.EscapeDataString("involvedObject.name=cm-new,type=Warning"));

        await Client.EventsV1.CreateNamespacedEventAsync(EventBuilders.EventsV1("other", regarding: "cm-other", type: "Warning"), "default");
        await Client.EventsV1.CreateNamespacedEventAsync(EventBuilders.EventsV1("normal", regarding: "cm-new", type: "Normal"), "default");
        await Client.EventsV1.CreateNamespacedEventAsync(EventBuilders.EventsV1("warn", regarding: "cm-new", type: "Warning"), "default");
        await Client.CoreV1.DeleteNamespacedEventAsync("warn", "default");
        var added = await watch.NextAsync();
        var deleted = await watch.NextAsync();

        Assert.That(added!["type"]!.GetValue<string>(), Is.EqualTo("ADDED"));
        Assert.That(added["object"]!["metadata"]!["name"]!.GetValue<string>(), Is.EqualTo("warn"));
        Assert.That(deleted!["type"]!.GetValue<string>(), Is.EqualTo("DELETED"));
        Assert.That(deleted["object"]!["metadata"]!["name"]!.GetValue<string>(), Is.EqualTo("warn"));
    }

    [Test]
    public async Task WatchEventsV1_RegardingSelector_ReceivesCoreCreatedEvent()
    {
        var list = await Client.EventsV1.ListNamespacedEventAsync("default");
        await using var watch = await WatchLines.OpenAsync(Server,
            $"/apis/events.k8s.io/v1/namespaces/default/events?watch=true&resourceVersion={list.Metadata.ResourceVersion}&fieldSelector=" +
            Uri.EscapeDataString("regarding.name=cm-z"));

        await Client.CoreV1.CreateNamespacedEventAsync(EventBuilders.Core("skip", involved: "cm-y"), "default");
        await Client.CoreV1.CreateNamespacedEventAsync(EventBuilders.Core("z", involved: "cm-z"), "default");
        var added = await watch.NextAsync();

        Assert.That(added!["type"]!.GetValue<string>(), Is.EqualTo("ADDED"));
        Assert.That(added["object"]!["metadata"]!["name"]!.GetValue<string>(), Is.EqualTo("z"));
        Assert.That(added["object"]!["note"]!.GetValue<string>(), Is.EqualTo("legacy message"));
    }

    [Test]
    public async Task DeleteCollectionCoreV1_ReasonSelector_DeletesOnlyMatches()
    {
        await Client.CoreV1.DeleteCollectionNamespacedEventAsync("default", fieldSelector: "reason=Synced");

        var remaining = await Client.EventsV1.ListNamespacedEventAsync("default");

        Assert.That(remaining.Items.Select(e => e.Metadata.Name), Is.EqualTo(new[] { "b", "c", "d" }));
    }

    [Test]
    public async Task ListCoreV1_SelectorWithLimit_PagesThroughMatches()
    {
        var first = await Client.CoreV1.ListNamespacedEventAsync("default", fieldSelector: "involvedObject.kind=ConfigMap", limit: 3);
        var second = await Client.CoreV1.ListNamespacedEventAsync("default", fieldSelector: "involvedObject.kind=ConfigMap", limit: 3, continueParameter: first.Metadata.ContinueProperty);

        Assert.That(first.Items.Select(e => e.Metadata.Name), Is.EqualTo(new[] { "a", "b", "c" }));
        Assert.That(second.Items.Select(e => e.Metadata.Name), Is.EqualTo(new[] { "d" }));
    }

    [Test]
    public async Task ListCoreV1_UnknownLabelViaClient_BadRequest()
    {
        var status = await ApiAssert.FailsAsync(() => Client.CoreV1.ListNamespacedEventAsync("default", fieldSelector: "spec.x=1"), HttpStatusCode.BadRequest);

        Assert.That(status["message"]!.GetValue<string>(), Is.EqualTo("field label not supported: spec.x"));
    }
}
