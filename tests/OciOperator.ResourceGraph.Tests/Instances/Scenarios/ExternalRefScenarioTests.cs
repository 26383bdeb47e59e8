using OciOperator.ResourceGraph.Instances;
using OciOperator.ResourceGraph.Tests.Support;
using static OciOperator.ResourceGraph.Tests.Support.InstanceHarness;
using static OciOperator.ResourceGraph.Tests.Support.ScenarioRgd;

namespace OciOperator.ResourceGraph.Tests.Instances.Scenarios;

/// <summary>
/// kro's externalRef scenarios (A.3.3 externalref_test, externalref_watch_test): by name, appearing later, by
/// selector, and changes watched — the instance is reconciled by an event on the external object, not by a poll.
/// </summary>
[Parallelizable(ParallelScope.Children)]
public sealed class ExternalRefScenarioTests
{
    private static readonly string ByName = Of("byname", "ByName", "source: string | default=\"shared\"",
        """
        - id: ext
          externalRef:
            apiVersion: v1
            kind: ConfigMap
            metadata: {name: '${schema.spec.source}'}
        """ + "\n" + Widget("copy", "${schema.metadata.name}-copy", spec: "name: ${ext.data.value}"),
        status: "value: ${ext.data.value}");

    [Test]
    public async Task Controller_ExternalRefAppearsLater_InstanceProceedsWhenItIsCreated()
    {
        await using var h = await InstanceHarness.StartAsync();
        var served = await h.ServeAsync(ByName);
        await h.CreateAsync(served.Type, Instance("ByName", "app"));

        var waiting = await h.WaitAsync(served.Type, "default", "app", i => State(i) == "IN_PROGRESS", "the instance to wait for the external object");
        Assert.That(Condition(waiting, InstanceConditions.ResourcesReady, "message"), Does.Contain("ConfigMap default/shared").And.Contain("does not exist"));

        await h.CreateAsync(ConfigMaps, "{apiVersion: v1, kind: ConfigMap, metadata: {name: shared, namespace: default}, data: {value: one}}");

        var copy = await h.WaitAsync(Widgets, "default", "app-copy", w => w is not null, "the dependent to be created once the external object exists", TimeSpan.FromSeconds(2));
        Assert.That(copy!["spec"]!["name"]!.GetValue<string>(), Is.EqualTo("one"));
        await h.WaitAsync(served.Type, "default", "app", i => State(i) == "ACTIVE", "ACTIVE");
    }

    [Test]
    public async Task Controller_ExternalRefChanged_WatchReconcilesAtOnce()
    {
        await using var h = await InstanceHarness.StartAsync();
        var served = await h.ServeAsync(ByName);
        await h.CreateAsync(ConfigMaps, "{apiVersion: v1, kind: ConfigMap, metadata: {name: shared, namespace: default}, data: {value: one}}");
        await h.CreateAsync(served.Type, Instance("ByName", "app"));
        await h.WaitAsync(served.Type, "default", "app", i => i?["status"]?["value"]?.GetValue<string>() == "one", "the external value in status");

        await h.PatchAsync(ConfigMaps, "default", "shared", "{data: {value: two}}");

        // Well under the 3 s fallback poll: the informer on ConfigMaps maps the change to the instance.
        await h.WaitAsync(Widgets, "default", "app-copy", w => w?["spec"]?["name"]?.GetValue<string>() == "two", "the change to reach the dependent", TimeSpan.FromSeconds(2));
        await h.WaitAsync(served.Type, "default", "app", i => i?["status"]?["value"]?.GetValue<string>() == "two", "the change to reach status", TimeSpan.FromSeconds(2));
        Assert.That(await h.GetAsync(ConfigMaps, "default", "shared"), Is.Not.Null, "an external object is never pruned or adopted");
    }

    [Test]
    public async Task Controller_ExternalRefBySelector_ListsMatchesAndPicksUpNewOnes()
    {
        var rgd = Of("selector", "Selector", "",
            """
            - id: peers
              externalRef:
                apiVersion: v1
                kind: ConfigMap
                metadata:
                  namespace: default
                  selector:
                    matchLabels: {role: peer}
                    matchExpressions: [{key: tier, operator: In, values: [web, db]}]
            """ + "\n" + Widget("summary", "${schema.metadata.name}-summary", spec: "tags: ${peers.map(p, p.metadata.name).sortBy(n, n)}"),
            status: "count: ${size(peers)}");
        await using var h = await InstanceHarness.StartAsync();
        var served = await h.ServeAsync(rgd);
        await h.CreateAsync(ConfigMaps, "{apiVersion: v1, kind: ConfigMap, metadata: {name: peer-a, namespace: default, labels: {role: peer, tier: web}}}");
        await h.CreateAsync(ConfigMaps, "{apiVersion: v1, kind: ConfigMap, metadata: {name: other, namespace: default, labels: {role: peer, tier: cache}}}");
        await h.CreateAsync(served.Type, Instance("Selector", "app"));

        var first = await h.WaitAsync(served.Type, "default", "app", i => i?["status"]?["count"]?.GetValue<long>() == 1, "one match");
        Assert.That(State(first), Is.EqualTo("ACTIVE"));

        await h.CreateAsync(ConfigMaps, "{apiVersion: v1, kind: ConfigMap, metadata: {name: peer-b, namespace: default, labels: {role: peer, tier: db}}}");

        await h.WaitAsync(served.Type, "default", "app", i => i?["status"]?["count"]?.GetValue<long>() == 2, "the new match to be picked up", TimeSpan.FromSeconds(2));
        var summary = await h.WaitAsync(Widgets, "default", "app-summary", w => w?["spec"]?["tags"]?.AsArray().Count == 2, "the dependent to list both");
        Assert.That(summary!["spec"]!["tags"]!.AsArray().Select(t => t!.GetValue<string>()), Is.EqualTo(new[] { "peer-a", "peer-b" }));
    }
}
