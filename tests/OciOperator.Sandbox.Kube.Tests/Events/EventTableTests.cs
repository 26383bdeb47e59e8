using System.Text.Json.Nodes;
using k8s;
using k8s.Models;
using OciOperator.Sandbox.Kube.Tests.Support;

namespace OciOperator.Sandbox.Kube.Tests.Events;

/// <summary>The server-side Event table (k8s printEvent) for both APIs: no leading Name column, series and legacy counts.</summary>
[TestFixture]
[Parallelizable(ParallelScope.Children)]
[FixtureLifeCycle(LifeCycle.InstancePerTestCase)]
public sealed class EventTableTests : KubeServerTest
{
    private const string TableAccept = "application/json;as=Table;v=v1;g=meta.k8s.io";


    private async Task<JsonNode> TableAsync(string path)
    {
        var (code, table, _) = await Server.SendAsync(HttpMethod.Get, path, accept: TableAccept);
        Assert.That(code, Is.EqualTo(200), table?.ToJsonString());
        return table!;
    }

    [TestCase("/api/v1/namespaces/default/events")]
    [TestCase("/apis/events.k8s.io/v1/namespaces/default/events")]
    public async Task ListAsTable_EitherApi_ColumnsOfPrintEvent(string path)
    {
        await Client.EventsV1.CreateNamespacedEventAsync(EventBuilders.EventsV1("e1"), "default");

        var table = await TableAsync(path);

        var names = table["columnDefinitions"]!.AsArray().Select(c => c!["name"]!.GetValue<string>());
        Assert.That(names, Is.EqualTo(new[] { "Last Seen", "Type", "Reason", "Object", "Subobject", "Source", "Message", "First Seen", "Count", "Name" }));
        Assert.That(table["columnDefinitions"]![9]!["format"]!.GetValue<string>(), Is.EqualTo("name"));
        Assert.That(table["columnDefinitions"]![9]!["priority"]!.GetValue<int>(), Is.EqualTo(1));
        var cells = table["rows"]![0]!["cells"]!.AsArray();
        Assert.That(cells.Select(c => c!.ToString()).Where((_, i) => i is not (0 or 7)), Is.EqualTo(new[]
        {
            "Normal", "Synced", "configmap/cm", "", "oci.oracle.com/operator, operator-0", "configured the thing", "1", "e1",
        }));
        Assert.That(cells[0]!.ToString(), Is.EqualTo(cells[7]!.ToString()).And.Not.EqualTo("<unknown>"));
    }

    [Test]
    public async Task ListAsTable_SeriesEvent_CountFromSeries()
    {
        await Client.EventsV1.CreateNamespacedEventAsync(EventBuilders.EventsV1("e1"), "default");
        await Client.EventsV1.PatchNamespacedEventAsync(
            new V1Patch("""{"series":{"count":7,"lastObservedTime":"2026-11-23T12:05:00.000000Z"}}""", V1Patch.PatchType.MergePatch), "e1", "default");

        var table = await TableAsync("/api/v1/namespaces/default/events");

        Assert.That(table["rows"]![0]!["cells"]![8]!.GetValue<long>(), Is.EqualTo(7));
    }

    [Test]
    public async Task ListAsTable_LegacyCoreEvent_CountAndSourceFromLegacyFields()
    {
        await Client.CoreV1.CreateNamespacedEventAsync(EventBuilders.Core("c1"), "default");

        var table = await TableAsync("/apis/events.k8s.io/v1/namespaces/default/events");
        var cells = table["rows"]![0]!["cells"]!.AsArray();

        Assert.That(cells[5]!.GetValue<string>(), Is.EqualTo("kubelet, node-1"));
        Assert.That(cells[8]!.GetValue<long>(), Is.EqualTo(3));
        Assert.That(cells[6]!.GetValue<string>(), Is.EqualTo("legacy message"));
    }
}
