using System.Text.Json.Nodes;
using OciOperator.Sandbox.Kube.Tests.Support;

namespace OciOperator.Sandbox.Kube.Tests.Events;

/// <summary>Event validation (k8s pkg/apis/core/validation/events.go): legacy for every write, strict through events.k8s.io/v1.</summary>
[TestFixture]
[Parallelizable(ParallelScope.Children)]
[FixtureLifeCycle(LifeCycle.InstancePerTestCase)]
public sealed class EventValidationTests : KubeServerTest
{


    private static string EventsUrl(string ns) => $"/apis/events.k8s.io/v1/namespaces/{ns}/events";

    private static string CoreUrl(string ns) => $"/api/v1/namespaces/{ns}/events";

    private static JsonObject ValidEventsV1(string ns = "default") => new()
    {
        ["apiVersion"] = "events.k8s.io/v1",
        ["kind"] = "Event",
        ["metadata"] = new JsonObject { ["name"] = "e1", ["namespace"] = ns },
        ["regarding"] = new JsonObject { ["kind"] = "ConfigMap", ["name"] = "cm", ["namespace"] = ns, ["apiVersion"] = "v1" },
        ["eventTime"] = "2026-11-23T12:00:00.000000Z",
        ["reportingController"] = "oci.oracle.com/operator",
        ["reportingInstance"] = "operator-0",
        ["action"] = "Reconcile",
        ["reason"] = "Synced",
        ["type"] = "Normal",
        ["note"] = "ok",
    };

    private static IEnumerable<TestCaseData> InvalidEventsV1Creates()
    {
        yield return Case("NoEventTime", e => e.Remove("eventTime"), "eventTime: Required value");
        yield return Case("DeprecatedCount", e => e["deprecatedCount"] = 2, "count: Invalid value: \"\": needs to be unset");
        yield return Case("DeprecatedFirstTimestamp", e => e["deprecatedFirstTimestamp"] = "2026-11-23T12:00:00Z", "firstTimestamp: Invalid value: \"\": needs to be unset");
        yield return Case("DeprecatedSource", e => e["deprecatedSource"] = new JsonObject { ["component"] = "kubelet" }, "source: Invalid value: \"\": needs to be unset");
        yield return Case("SeriesCountOne", e => e["series"] = new JsonObject { ["count"] = 1, ["lastObservedTime"] = "2026-11-23T12:00:00.000000Z" }, "series.count: Invalid value: \"\": should be at least 2");
        yield return Case("SeriesWithoutTime", e => e["series"] = new JsonObject { ["count"] = 2 }, "series.lastObservedTime: Required value");
        yield return Case("UnknownType", e => e["type"] = "Info", "type: Invalid value: \"\": has invalid value: Info");
        yield return Case("NoReportingController", e => e.Remove("reportingController"), "reportingController: Required value");
        yield return Case("UnqualifiedReportingController", e => e["reportingController"] = "not a name!", "reportingController: Invalid value: \"not a name!\"");
        yield return Case("NoReportingInstance", e => e.Remove("reportingInstance"), "reportingInstance: Required value");
        yield return Case("LongAction", e => e["action"] = new string('a', 129), "action: Invalid value: \"\": can have at most 128 characters");
        yield return Case("NoReason", e => e.Remove("reason"), "reason: Required value");
        yield return Case("LongNote", e => e["note"] = new string('n', 1025), "message: Invalid value: \"\": can have at most 1024 characters");
    }

    private static TestCaseData Case(string name, Action<JsonObject> change, string message) =>
        new TestCaseData(change, message).SetName("CreateEventsV1_" + name + "_422");

    [TestCaseSource(nameof(InvalidEventsV1Creates))]
    public async Task CreateEventsV1_Invalid_422NamingCoreField(Action<JsonObject> change, string message)
    {
        var body = ValidEventsV1();
        change(body);

        var (code, status, _) = await Server.SendAsync(HttpMethod.Post, EventsUrl("default"), body.ToJsonString());

        Assert.That(code, Is.EqualTo(422), status?.ToJsonString());
        Assert.That(status!["reason"]!.GetValue<string>(), Is.EqualTo("Invalid"));
        Assert.That(status["message"]!.GetValue<string>(), Does.StartWith("Event.events.k8s.io \"e1\" is invalid").And.Contain(message));
    }

    [Test]
    public async Task CreateEventsV1_Valid_201()
    {
        var (code, body, _) = await Server.SendAsync(HttpMethod.Post, EventsUrl("default"), ValidEventsV1().ToJsonString());

        Assert.That(code, Is.EqualTo(201), body?.ToJsonString());
        Assert.That(body!["note"]!.GetValue<string>(), Is.EqualTo("ok"));
    }

    [Test]
    public async Task CreateEventsV1_ClusterScopedRegardingOutsideDefault_422NamespaceMismatch()
    {
        var body = ValidEventsV1("kube-public");
        ((JsonObject)body["regarding"]!).Remove("namespace");

        var (code, status, _) = await Server.SendAsync(HttpMethod.Post, EventsUrl("kube-public"), body.ToJsonString());

        Assert.That(code, Is.EqualTo(422));
        Assert.That(status!["message"]!.GetValue<string>(), Does.Contain("involvedObject.namespace: Invalid value: \"\": does not match event.namespace"));
    }

    [Test]
    public async Task CreateCoreV1_WithoutEventTimeAndOtherNamespace_422NamespaceMismatch()
    {
        var body = new JsonObject
        {
            ["apiVersion"] = "v1",
            ["kind"] = "Event",
            ["metadata"] = new JsonObject { ["name"] = "c1" },
            ["involvedObject"] = new JsonObject { ["kind"] = "ConfigMap", ["name"] = "cm", ["namespace"] = "other" },
            ["reason"] = "Pulled",
        };

        var (code, status, _) = await Server.SendAsync(HttpMethod.Post, CoreUrl("default"), body.ToJsonString());

        Assert.That(code, Is.EqualTo(422));
        Assert.That(status!["message"]!.GetValue<string>(), Does.StartWith("Event \"c1\" is invalid").And.Contain("involvedObject.namespace: Invalid value: \"other\": does not match event.namespace"));
    }

    [Test]
    public async Task CreateCoreV1_LegacyFieldsWithoutReportingController_201()
    {
        var body = new JsonObject
        {
            ["apiVersion"] = "v1",
            ["kind"] = "Event",
            ["metadata"] = new JsonObject { ["name"] = "c1" },
            ["involvedObject"] = new JsonObject { ["kind"] = "ConfigMap", ["name"] = "cm", ["namespace"] = "default" },
            ["reason"] = "Pulled",
            ["count"] = 7,
            ["source"] = new JsonObject { ["component"] = "kubelet" },
        };

        var (code, created, _) = await Server.SendAsync(HttpMethod.Post, CoreUrl("default"), body.ToJsonString());

        Assert.That(code, Is.EqualTo(201), created?.ToJsonString());
        Assert.That(created!["count"]!.GetValue<int>(), Is.EqualTo(7));
    }

    [Test]
    public async Task MergePatchEventsV1_ChangeNote_422Immutable()
    {
        await Server.SendAsync(HttpMethod.Post, EventsUrl("default"), ValidEventsV1().ToJsonString());

        var (code, status, _) = await Server.SendAsync(HttpMethod.Patch, EventsUrl("default") + "/e1",
            """{"note":"rewritten"}""", "application/merge-patch+json");

        Assert.That(code, Is.EqualTo(422), status?.ToJsonString());
        Assert.That(status!["message"]!.GetValue<string>(), Does.Contain("message: Invalid value: \"rewritten\": field is immutable"));
    }

    [Test]
    public async Task MergePatchEventsV1_SeriesCountOne_422()
    {
        await Server.SendAsync(HttpMethod.Post, EventsUrl("default"), ValidEventsV1().ToJsonString());

        var (code, status, _) = await Server.SendAsync(HttpMethod.Patch, EventsUrl("default") + "/e1",
            """{"series":{"count":1,"lastObservedTime":"2026-11-23T12:00:00.000000Z"}}""", "application/merge-patch+json");

        Assert.That(code, Is.EqualTo(422));
        Assert.That(status!["message"]!.GetValue<string>(), Does.Contain("series.count"));
    }
}
