using OciOperator.ResourceGraph.Instances;
using OciOperator.ResourceGraph.Tests.Support;
using static OciOperator.ResourceGraph.Tests.Support.InstanceHarness;
using static OciOperator.ResourceGraph.Tests.Support.ScenarioRgd;

namespace OciOperator.ResourceGraph.Tests.Instances.Scenarios;

/// <summary>
/// kro's collection scenarios (A.3.3 collection_test, collection_behavior_test, collection_watch_test): cartesian
/// products, per-item <c>each</c> readiness gating dependents, scale up and down, empty lists, size limit, identity
/// collisions, drift of one item, and items deleted with the instance.
/// </summary>
[Parallelizable(ParallelScope.Children)]
public sealed class CollectionScenarioTests
{
    private static readonly string Matrix = Of("matrix", "Matrix", "regions: '[]string'\ntiers: '[]string'\nlimit: integer | default=2",
        Widget("cells", "${schema.metadata.name + '-' + region + '-' + tier}", spec: "name: ${region + '/' + tier}",
            extra: "forEach:\n  - region: '${schema.spec.regions}'\n  - tier: '${schema.spec.tiers}'\nreadyWhen: ['${each.status.?ready.orValue(false)}']") + "\n"
        + Widget("summary", "${schema.metadata.name}-summary", spec: "replicas: ${size(cells)}\ntags: ${cells.map(c, c.spec.name)}"),
        status: "cells: ${size(cells)}");

    private static string AppSelector(string instance) => $"{KroMetadata.InstanceName}={instance},{KroMetadata.NodeId}=cells";

    [Test]
    public async Task Controller_CartesianCollection_EachItemGatesDependentsThenScalesUpAndDown()
    {
        await using var h = await InstanceHarness.StartAsync();
        var served = await h.ServeAsync(Matrix);
        await h.CreateAsync(served.Type, Instance("Matrix", "app", "{regions: [eu, us], tiers: [web, db]}"));

        var items = await Eventually.UntilAsync(() => h.ListAsync(Widgets, "default", AppSelector("app")), l => l.Count == 4, "four items (2 x 2)");
        Assert.That(items.Select(i => i["metadata"]!["name"]!.GetValue<string>()).Order(), Is.EqualTo(new[] { "app-eu-db", "app-eu-web", "app-us-db", "app-us-web" }));
        Assert.That(items.Select(i => i["metadata"]!["labels"]![KroMetadata.CollectionSize]!.GetValue<string>()).Distinct(), Is.EqualTo(new[] { "4" }));
        Assert.That(items.Select(i => i["metadata"]!["labels"]![KroMetadata.CollectionIndex]!.GetValue<string>()).Order(), Is.EqualTo(new[] { "0", "1", "2", "3" }));

        foreach (var name in new[] { "app-eu-web", "app-eu-db", "app-us-web" })
        {
            await h.PatchAsync(Widgets, "default", name, "{status: {ready: true}}");
        }

        var waiting = await h.WaitAsync(served.Type, "default", "app", i => Condition(i, InstanceConditions.ResourcesReady, "message")?.Contains("app-us-db", StringComparison.Ordinal) == true, "the last item to hold the collection back");
        Assert.That(State(waiting), Is.EqualTo("IN_PROGRESS"));
        Assert.That(await h.GetAsync(Widgets, "default", "app-summary"), Is.Null, "dependents wait until every item is ready");

        await h.PatchAsync(Widgets, "default", "app-us-db", "{status: {ready: true}}");
        var summary = await h.WaitAsync(Widgets, "default", "app-summary", w => w is not null, "the dependent once every item is ready");
        Assert.That(summary!["spec"]!["replicas"]!.GetValue<long>(), Is.EqualTo(4));

        await h.PatchAsync(served.Type, "default", "app", "{spec: {regions: [eu]}}");
        await Eventually.UntilAsync(() => h.ListAsync(Widgets, "default", AppSelector("app")), l => l.Count == 2, "the collection to shrink (items pruned)");
        await h.WaitAsync(Widgets, "default", "app-summary", w => w?["spec"]?["replicas"]?.GetValue<long>() == 2, "the dependent to follow the shrink");

        await h.PatchAsync(served.Type, "default", "app", "{spec: {regions: [eu, ap]}}");
        await h.WaitAsync(Widgets, "default", "app-ap-web", w => w is not null, "the collection to grow");
        var grown = await h.WaitAsync(served.Type, "default", "app", i => Condition(i, InstanceConditions.ResourcesReady, "message")?.Contains("app-ap-", StringComparison.Ordinal) == true, "the new items to hold the instance back");
        Assert.That(State(grown), Is.EqualTo("IN_PROGRESS"), "new items are not ready yet");
    }

    [Test]
    public async Task Controller_EmptyCollection_ActiveAndDependentsSeeAnEmptyList()
    {
        await using var h = await InstanceHarness.StartAsync();
        var served = await h.ServeAsync(Matrix);
        await h.CreateAsync(served.Type, Instance("Matrix", "app", "{regions: [], tiers: [web]}"));

        var active = await h.WaitAsync(served.Type, "default", "app", i => State(i) == "ACTIVE", "ACTIVE with an empty collection");

        Assert.That(active!["status"]!["cells"]!.GetValue<long>(), Is.Zero);
        Assert.That(await h.ListAsync(Widgets, "default", AppSelector("app")), Is.Empty);
        Assert.That((await h.GetAsync(Widgets, "default", "app-summary"))!["spec"]!["replicas"]!.GetValue<long>(), Is.Zero);
    }

    [Test]
    public async Task Controller_CollectionOverTheLimitOrColliding_ErrorNamesItAndRecovers()
    {
        var rgd = Of("big", "Big", "count: integer | default=1\nprefix: string | default=\"p\"\nsame: boolean | default=false",
            Widget("parts", "${schema.spec.same ? schema.spec.prefix : schema.spec.prefix + '-' + string(i)}", extra: "forEach:\n  - i: '${lists.range(schema.spec.count)}'"));
        await using var h = await InstanceHarness.StartAsync();
        var served = await h.ServeAsync(rgd);
        await h.CreateAsync(served.Type, Instance("Big", "big", "{count: 1001}"));
        await h.CreateAsync(served.Type, Instance("Big", "same", "{count: 2, same: true}"));

        var big = await h.WaitAsync(served.Type, "default", "big", i => State(i) == "ERROR", "the oversized collection to be refused");
        var same = await h.WaitAsync(served.Type, "default", "same", i => State(i) == "ERROR", "the colliding collection to be refused");

        Assert.That(Condition(big, InstanceConditions.ResourcesReady, "message"), Does.Contain("collection size of 1001 is over the maximum collection size of 1000"));
        Assert.That(Condition(same, InstanceConditions.ResourcesReady, "message"), Does.Contain("collide").And.Contain("default/p"));
        Assert.That(await h.ListAsync(Widgets, "default"), Is.Empty, "nothing of a refused collection is applied");

        await h.PatchAsync(served.Type, "default", "big", "{spec: {count: 3}}");
        await h.WaitAsync(served.Type, "default", "big", i => State(i) == "ACTIVE", "the fixed instance to recover");
        Assert.That(await h.ListAsync(Widgets, "default"), Has.Count.EqualTo(3));
    }

    [Test]
    public async Task Controller_CollectionItemDriftsOrIsDeleted_RestoredAndInstanceDeletionRemovesAll()
    {
        var rgd = Of("fleet", "Fleet", "names: '[]string'",
            Widget("members", "${schema.metadata.name + '-' + n}", spec: "name: ${n}", extra: "forEach:\n  - n: '${schema.spec.names}'"));
        await using var h = await InstanceHarness.StartAsync();
        var served = await h.ServeAsync(rgd);
        await h.CreateAsync(served.Type, Instance("Fleet", "app", "{names: [a, b, c]}"));
        await h.WaitAsync(served.Type, "default", "app", i => State(i) == "ACTIVE", "ACTIVE");

        await h.PatchAsync(Widgets, "default", "app-a", "{spec: {name: tampered}}");
        await h.DeleteAsync(Widgets, "default", "app-b");

        await h.WaitAsync(Widgets, "default", "app-a", w => w?["spec"]?["name"]?.GetValue<string>() == "a", "a non-last item's drift to be corrected");
        await h.WaitAsync(Widgets, "default", "app-b", w => w is not null, "a deleted item to be re-created");

        await h.DeleteAsync(served.Type, "default", "app");
        await h.WaitAsync(served.Type, "default", "app", i => i is null, "the instance to be gone");
        Assert.That(await h.ListAsync(Widgets, "default"), Is.Empty, "every item goes with the instance");
    }
}
