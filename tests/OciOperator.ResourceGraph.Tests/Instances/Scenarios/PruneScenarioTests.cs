using System.Text.Json.Nodes;
using OciOperator.ResourceGraph.Instances;
using OciOperator.ResourceGraph.Tests.Support;
using static OciOperator.ResourceGraph.Tests.Support.InstanceHarness;
using static OciOperator.ResourceGraph.Tests.Support.ScenarioRgd;

namespace OciOperator.ResourceGraph.Tests.Instances.Scenarios;

/// <summary>
/// Pruning by ApplySet inventory when the RGD changes (kro A.3.3 resource_pruning_test, applyset_test
/// contains-group-kinds): a node dropped from the graph, or one replaced by another kind (whose kind then leaves the
/// graph and has no informer any more), has its children deleted; nothing of another instance or another RGD, and no
/// object someone else applied with our labels, is touched.
/// </summary>
[Parallelizable(ParallelScope.Children)]
public sealed class PruneScenarioTests
{
    private const string ConfigNode = """
        - id: c
          template:
            apiVersion: v1
            kind: ConfigMap
            metadata: {name: '${schema.metadata.name}-c'}
            data: {k: v}
        """;

    private const string SecretNode = """
        - id: c
          template:
            apiVersion: v1
            kind: Secret
            metadata: {name: '${schema.metadata.name}-c'}
            stringData: {k: v}
        """;

    private static readonly string Trio = Of("trio", "Trio", "", Widget("a", "${schema.metadata.name}-a") + "\n" + Widget("b", "${schema.metadata.name}-b") + "\n" + ConfigNode);

    [Test]
    public async Task Controller_NodeRemovedFromRgd_PrunesItsChildrenAndNothingElse()
    {
        await using var h = await InstanceHarness.StartAsync();
        var trio = await h.ServeAsync(Trio);
        var other = await h.ServeAsync(Of("other", "Other", "", Widget("b", "${schema.metadata.name}-other-b")));
        await h.CreateAsync(trio.Type, Instance("Trio", "one"));
        await h.CreateAsync(trio.Type, Instance("Trio", "two"));
        await h.CreateAsync(other.Type, Instance("Other", "one"));
        foreach (var (type, name) in new[] { (trio.Type, "one"), (trio.Type, "two"), (other.Type, "one") })
        {
            await h.WaitAsync(type, "default", name, i => State(i) == "ACTIVE", $"{type.Kind} {name} ACTIVE");
        }

        // Someone else's object carrying every label of a pruned child (kro #1153): not applied by us, never pruned.
        var oneB = (await h.GetAsync(Widgets, "default", "one-b"))!;
        await h.CreateAsync(Widgets, $"{{apiVersion: test.kro.dev/v1, kind: Widget, metadata: {{name: one-user, namespace: default, labels: {oneB["metadata"]!["labels"]!.ToJsonString()}}}, spec: {{name: mine}}}}");
        var kept = new Dictionary<(string Kind, string Name), string>();
        foreach (var (type, name) in new[] { (Widgets, "one-a"), (ConfigMaps, "one-c"), (Widgets, "two-a"), (ConfigMaps, "two-c"), (Widgets, "one-other-b"), (Widgets, "one-user") })
        {
            kept[(type.Kind, name)] = Uid(await h.GetAsync(type, "default", name));
        }

        var before = h.Requests.Snapshot();
        await h.ReplaceAsync(trio, Of("trio", "Trio", "", Widget("a", "${schema.metadata.name}-a") + "\n" + ConfigNode));

        await h.WaitAsync(Widgets, "default", "one-b", w => w is null, "one-b pruned");
        await h.WaitAsync(Widgets, "default", "two-b", w => w is null, "two-b pruned");
        foreach (var ((kind, name), uid) in kept)
        {
            var type = kind == "ConfigMap" ? ConfigMaps : Widgets;
            Assert.That(Uid(await h.GetAsync(type, "default", name)), Is.EqualTo(uid), $"{kind} {name} is untouched");
        }

        var instance = await h.GetAsync(trio.Type, "default", "one");
        Assert.That(State(instance), Is.EqualTo("ACTIVE"));
        Assert.That(instance!["metadata"]!["annotations"]![KroMetadata.ApplySetGroupKinds]!.GetValue<string>(), Is.EqualTo("ConfigMap,Widget.test.kro.dev"));
        var cost = h.Requests.Since(before);
        Assert.That(cost.GetValueOrDefault("DELETE widgets"), Is.EqualTo(2), RequestCounter.Format(cost));
        Assert.That(cost.GetValueOrDefault("DELETE configmaps"), Is.Zero, RequestCounter.Format(cost));
    }

    [Test]
    public async Task Controller_NodeReplacedByAnotherKind_OldKindListedAndPrunedAndInventoryShrinks()
    {
        await using var h = await InstanceHarness.StartAsync();
        var trio = await h.ServeAsync(Trio);
        await h.CreateAsync(trio.Type, Instance("Trio", "one"));
        await h.WaitAsync(trio.Type, "default", "one", i => State(i) == "ACTIVE", "ACTIVE");
        var oneC = (await h.GetAsync(ConfigMaps, "default", "one-c"))!;
        await h.CreateAsync(ConfigMaps, $"{{apiVersion: v1, kind: ConfigMap, metadata: {{name: one-user, namespace: default, labels: {oneC["metadata"]!["labels"]!.ToJsonString()}}}, data: {{k: mine}}}}");
        var widgetA = Uid(await h.GetAsync(Widgets, "default", "one-a"));

        var before = h.Requests.Snapshot();
        await h.ReplaceAsync(trio, Of("trio", "Trio", "", Widget("a", "${schema.metadata.name}-a") + "\n" + Widget("b", "${schema.metadata.name}-b") + "\n" + SecretNode));

        await h.WaitAsync(ConfigMaps, "default", "one-c", c => c is null, "the ConfigMap of node c pruned");
        await h.WaitAsync(Secrets, "default", "one-c", s => s is not null, "the Secret of node c applied");
        var instance = await h.WaitAsync(trio.Type, "default", "one",
            i => i?["metadata"]?["annotations"]?[KroMetadata.ApplySetGroupKinds]?.GetValue<string>() == "Secret,Widget.test.kro.dev" && State(i) == "ACTIVE",
            "the inventory to name only the graph's kinds");
        Assert.That(instance, Is.Not.Null);
        Assert.That(await h.GetAsync(ConfigMaps, "default", "one-user"), Is.Not.Null, "a ConfigMap we did not apply is kept");
        Assert.That(Uid(await h.GetAsync(Widgets, "default", "one-a")), Is.EqualTo(widgetA));
        var cost = h.Requests.Since(before);
        Assert.That(cost.GetValueOrDefault("GET configmaps"), Is.GreaterThanOrEqualTo(1), "ConfigMaps left the graph (no informer): listed: " + RequestCounter.Format(cost));
        Assert.That(cost.GetValueOrDefault("DELETE configmaps"), Is.EqualTo(1), RequestCounter.Format(cost));
    }

    [Test]
    public async Task Controller_InstanceDeletedBeforeNodesDroppedFromRgdArePruned_InventoryChildrenRemovedPerPolicyAndInstanceGone()
    {
        await using var h = await InstanceHarness.StartAsync();
        var trio = await h.ServeAsync(Of("trio", "Trio", "", Widget("a", "${schema.metadata.name}-a") + "\n"
            + Widget("b", "${schema.metadata.name}-b", extra: "deletionPolicy: Orphaned") + "\n" + ConfigNode));
        await h.CreateAsync(trio.Type, Instance("Trio", "one"));
        await h.WaitAsync(trio.Type, "default", "one", i => State(i) == "ACTIVE", "ACTIVE");
        var oneC = (await h.GetAsync(ConfigMaps, "default", "one-c"))!;
        await h.CreateAsync(ConfigMaps, $"{{apiVersion: v1, kind: ConfigMap, metadata: {{name: one-user, namespace: default, labels: {oneC["metadata"]!["labels"]!.ToJsonString()}}}, data: {{k: mine}}}}");
        var oneB = Uid(await h.GetAsync(Widgets, "default", "one-b"));

        // Suspended, the engine does not prune after the RGD change: only the deletion can remove what left the graph.
        await h.PatchAsync(trio.Type, "default", "one", $"{{metadata: {{annotations: {{{KroMetadata.Reconcile}: disabled}}}}}}");
        await h.WaitAsync(trio.Type, "default", "one", i => Condition(i, InstanceConditions.ResourcesReady, "reason") == InstanceConditions.ReconciliationSuspended, "the suspension to show");
        await h.ReplaceAsync(trio, Of("trio", "Trio", "", Widget("a", "${schema.metadata.name}-a")));
        Assert.That(await h.GetAsync(ConfigMaps, "default", "one-c"), Is.Not.Null, "not pruned while suspended");
        Assert.That(await h.GetAsync(Widgets, "default", "one-b"), Is.Not.Null, "not pruned while suspended");

        var before = h.Requests.Snapshot();
        await h.DeleteAsync(trio.Type, "default", "one");

        await h.WaitAsync(trio.Type, "default", "one", i => i is null, "the instance to go");
        Assert.That(await h.GetAsync(ConfigMaps, "default", "one-c"), Is.Null, "the ConfigMap of the dropped node c is deleted");
        var released = await h.GetAsync(Widgets, "default", "one-b");
        Assert.That(Uid(released), Is.EqualTo(oneB), "the Orphaned Widget of the dropped node b is kept");
        Assert.That(released!["metadata"]!["labels"]?[KroMetadata.ApplySetPartOf], Is.Null, "and released from the ApplySet");
        Assert.That(await h.GetAsync(Widgets, "default", "one-a"), Is.Null, "the graph's own child is deleted");
        Assert.That(await h.GetAsync(ConfigMaps, "default", "one-user"), Is.Not.Null, "a ConfigMap we did not apply is kept");
        var cost = h.Requests.Since(before);
        Assert.That(cost.GetValueOrDefault("DELETE configmaps"), Is.EqualTo(1), RequestCounter.Format(cost));
        Assert.That(cost.GetValueOrDefault("DELETE widgets"), Is.EqualTo(1), RequestCounter.Format(cost));
    }

    private static string Uid(JsonObject? obj) => obj?["metadata"]?["uid"]?.GetValue<string>() ?? "(absent)";
}
