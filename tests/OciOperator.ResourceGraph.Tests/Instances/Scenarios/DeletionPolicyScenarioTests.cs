using System.Text.Json.Nodes;
using OciOperator.ResourceGraph.Api;
using OciOperator.ResourceGraph.Instances;
using OciOperator.ResourceGraph.Tests.Support;
using static OciOperator.ResourceGraph.Tests.Support.InstanceHarness;
using static OciOperator.ResourceGraph.Tests.Support.ScenarioRgd;

namespace OciOperator.ResourceGraph.Tests.Instances.Scenarios;

/// <summary>
/// <c>resources[].deletionPolicy: Orphaned</c> (kro v0.10) — or kro's current form, the template annotation
/// <c>kro.run/deletion-policy</c> — on every path where kro lets go of a child: instance
/// deletion, the node leaving the RGD, includeWhen turning false, a forEach shrinking. The child stays with its fields, released: no kro labels or internal annotations, no ApplySet
/// part-of label, no <c>kro.run/applyset</c> field ownership — and a later instance adopts it. Children without the
/// policy are deleted as before.
/// </summary>
[Parallelizable(ParallelScope.Children)]
public sealed class DeletionPolicyScenarioTests
{
    [Test]
    public async Task Controller_InstanceDeleted_OrphanedChildReleasedOtherDeleted()
    {
        var rgd = Of("keep", "Keep", "",
            Widget("kept", "${schema.metadata.name}-kept", spec: "name: precious", extra: "deletionPolicy: Orphaned") + "\n"
            + Widget("gone", "${schema.metadata.name}-gone", spec: "name: ${kept.spec.name}"));
        await using var h = await InstanceHarness.StartAsync();
        var served = await h.ServeAsync(rgd);
        await h.CreateAsync(served.Type, Instance("Keep", "app"));
        await h.WaitAsync(served.Type, "default", "app", i => State(i) == "ACTIVE", "ACTIVE");
        var kept = await h.GetAsync(Widgets, "default", "app-kept");
        Assert.That(kept!["metadata"]!["annotations"]![DeletionPolicies.Annotation]!.GetValue<string>(), Is.EqualTo("Orphaned"), "the policy is recorded on the child");
        Assert.That(Annotations(await h.GetAsync(Widgets, "default", "app-gone")), Does.Not.ContainKey(DeletionPolicies.Annotation), "no policy, no annotation");

        await h.DeleteAsync(served.Type, "default", "app");

        await h.WaitAsync(served.Type, "default", "app", i => i is null, "the instance to be gone");
        Assert.That(await h.GetAsync(Widgets, "default", "app-gone"), Is.Null, "a child without the policy is deleted");
        var released = await h.GetAsync(Widgets, "default", "app-kept");
        AssertReleased(released, "precious");

        await h.CreateAsync(served.Type, Instance("Keep", "app"));

        var adopted = await h.WaitAsync(Widgets, "default", "app-kept", w => w?["metadata"]?["labels"]?[KroMetadata.Owned] is not null, "a later instance to adopt the released child");
        Assert.That(adopted!["metadata"]!["uid"]!.GetValue<string>(), Is.EqualTo(released!["metadata"]!["uid"]!.GetValue<string>()), "the same object, adopted, not re-created");
        await h.WaitAsync(served.Type, "default", "app", i => State(i) == "ACTIVE", "the new instance ACTIVE with the adopted child");
    }

    [Test]
    public async Task Controller_InstanceDeletedWithAnnotationForm_OrphanedChildReleasedKeepingAnnotation()
    {
        var rgd = Of("keepann", "KeepAnn", "",
            Widget("kept", "${schema.metadata.name}-kept", spec: "name: precious", metadata: "annotations: {kro.run/deletion-policy: Orphaned}") + "\n"
            + Widget("gone", "${schema.metadata.name}-gone", metadata: "annotations: {kro.run/deletion-policy: Delete}"));
        await using var h = await InstanceHarness.StartAsync();
        var served = await h.ServeAsync(rgd);
        await h.CreateAsync(served.Type, Instance("KeepAnn", "app"));
        await h.WaitAsync(served.Type, "default", "app", i => State(i) == "ACTIVE", "ACTIVE");
        Assert.That(Annotations(await h.GetAsync(Widgets, "default", "app-kept"))[DeletionPolicies.Annotation], Is.EqualTo("Orphaned"),
            "the annotation form is recorded on the child like the field");

        await h.DeleteAsync(served.Type, "default", "app");

        await h.WaitAsync(served.Type, "default", "app", i => i is null, "the instance to be gone");
        Assert.That(await h.GetAsync(Widgets, "default", "app-gone"), Is.Null, "a child annotated Delete is deleted");
        var released = await h.GetAsync(Widgets, "default", "app-kept");
        AssertReleased(released, "precious");
        Assert.That(Annotations(released)[DeletionPolicyAnnotation.Key], Is.EqualTo("Orphaned"), "the template's own annotation stays as the user wrote it");
    }

    [Test]
    public async Task Controller_NodeRemovedFromRgd_OrphanedChildReleasedOtherPruned()
    {
        const string Kept = "- id: kept\n  deletionPolicy: Orphaned\n  template: {apiVersion: test.kro.dev/v1, kind: Widget, metadata: {name: '${schema.metadata.name}-kept'}, spec: {name: precious}}";
        var stays = Widget("stays", "${schema.metadata.name}-stays");
        var dropped = Widget("dropped", "${schema.metadata.name}-dropped");
        await using var h = await InstanceHarness.StartAsync();
        var served = await h.ServeAsync(Of("shrink", "Shrink", "", Kept + "\n" + dropped + "\n" + stays));
        await h.CreateAsync(served.Type, Instance("Shrink", "app"));
        await h.WaitAsync(served.Type, "default", "app", i => State(i) == "ACTIVE", "ACTIVE with three children");

        await h.ReplaceAsync(served, Of("shrink", "Shrink", "", stays));

        var released = await h.WaitAsync(Widgets, "default", "app-kept", w => w is null || Labels(w).Count == 0, "the Orphaned node's child to be released");
        AssertReleased(released, "precious");
        await h.WaitAsync(Widgets, "default", "app-dropped", w => w is null, "the removed node without the policy to be pruned");
        Assert.That(Labels(await h.GetAsync(Widgets, "default", "app-stays"))[KroMetadata.Owned], Is.EqualTo("true"), "the node still in the graph is untouched");
    }

    [Test]
    public async Task Controller_IncludeWhenTurnsFalse_OrphanedChildReleased()
    {
        var rgd = Of("optkeep", "OptKeep", "enabled: boolean | default=true",
            Widget("optional", "${schema.metadata.name}-optional", spec: "name: opt", extra: "deletionPolicy: Orphaned\nincludeWhen: ['${schema.spec.enabled}']") + "\n"
            + Widget("always", "${schema.metadata.name}-always"));
        await using var h = await InstanceHarness.StartAsync();
        var served = await h.ServeAsync(rgd);
        await h.CreateAsync(served.Type, Instance("OptKeep", "app"));
        await h.WaitAsync(Widgets, "default", "app-optional", w => w is not null, "the optional child to be created");

        await h.PatchAsync(served.Type, "default", "app", "{spec: {enabled: false}}");

        var released = await h.WaitAsync(Widgets, "default", "app-optional", w => w is null || Labels(w).Count == 0, "the excluded child to be released");
        AssertReleased(released, "opt");
        await Eventually.WaitAsync(() => h.Logs.Lines.Any(l => l.Contains("Released Widget default/app-optional: deletionPolicy Orphaned", StringComparison.Ordinal)), "the release to be logged");
        await h.WaitAsync(served.Type, "default", "app", i => State(i) == "ACTIVE", "ACTIVE with the node excluded");
        Assert.That(await h.GetAsync(Widgets, "default", "app-optional"), Is.Not.Null, "a released child is not touched again");
    }

    [Test]
    public async Task Controller_ForEachShrinks_DroppedItemReleasedOthersKept()
    {
        var rgd = Of("itemkeep", "ItemKeep", "names: '[]string'",
            Widget("copies", "${schema.metadata.name + '-' + n}", spec: "name: ${n}", extra: "deletionPolicy: Orphaned\nforEach:\n  - n: '${schema.spec.names}'"));
        await using var h = await InstanceHarness.StartAsync();
        var served = await h.ServeAsync(rgd);
        await h.CreateAsync(served.Type, Instance("ItemKeep", "app", "{names: [a, b]}"));
        await h.WaitAsync(Widgets, "default", "app-b", w => w is not null, "both items to be created");

        await h.PatchAsync(served.Type, "default", "app", "{spec: {names: [a]}}");

        var released = await h.WaitAsync(Widgets, "default", "app-b", w => w is null || Labels(w).Count == 0, "the dropped item to be released");
        AssertReleased(released, "b");
        var remaining = await h.WaitAsync(Widgets, "default", "app-a", w => w?["metadata"]?["labels"]?[KroMetadata.CollectionSize]?.GetValue<string>() == "1", "the kept item to be relabelled");
        Assert.That(Labels(remaining)[KroMetadata.Owned], Is.EqualTo("true"), "the kept item stays managed");
    }

    /// <summary>The child exists with its fields, and nothing of kro is left on it.</summary>
    internal static void AssertReleased(JsonObject? child, string name)
    {
        Assert.That(child, Is.Not.Null, "an Orphaned child is left in the cluster");
        Assert.That(child!["spec"]!["name"]!.GetValue<string>(), Is.EqualTo(name), "its fields are left as they were");
        Assert.That(Labels(child), Is.Empty, "kro's labels (incl. the ApplySet part-of label) are removed");
        Assert.That(Annotations(child).Keys.Where(k => k.StartsWith("internal.kro.run/", StringComparison.Ordinal)), Is.Empty, "kro's internal annotations are removed");
        var managers = (child["metadata"]!["managedFields"] as JsonArray ?? []).Select(f => f!["manager"]!.GetValue<string>());
        Assert.That(managers, Does.Not.Contain(KroMetadata.FieldManager), "our field manager no longer owns anything");
    }

    private static Dictionary<string, string> Labels(JsonObject? obj) => Map(obj?["metadata"]?["labels"]);

    private static Dictionary<string, string> Annotations(JsonObject? obj) => Map(obj?["metadata"]?["annotations"]);

    private static Dictionary<string, string> Map(JsonNode? node) =>
        (node as JsonObject ?? []).ToDictionary(p => p.Key, p => p.Value!.GetValue<string>(), StringComparer.Ordinal);
}
