using System.Text.Json.Nodes;
using OciOperator.ResourceGraph.Instances;
using OciOperator.ResourceGraph.Tests.Support;
using static OciOperator.ResourceGraph.Tests.Support.InstanceHarness;
using static OciOperator.ResourceGraph.Tests.Support.ScenarioRgd;

namespace OciOperator.ResourceGraph.Tests.Instances.Scenarios;

/// <summary>
/// kro's ownership scenarios (A.3.3 applyset_test; A.3.2 resource_ownership_test, instance_conflict_test,
/// deploymentservice_test suspension, terminating_managed_resource_test): ApplySet labels and annotations, pruning
/// never across instances or RGDs nor of objects we did not apply, two instances fighting, drift, suspension,
/// terminating children.
/// </summary>
[Parallelizable(ParallelScope.Children)]
public sealed class ApplySetScenarioTests
{
    private static readonly string Optional = Of("optional", "Optional", "enabled: boolean | default=true",
        Widget("maybe", "${schema.metadata.name}-maybe", extra: "includeWhen: ['${schema.spec.enabled}']") + "\n"
        + """
        - id: config
          template:
            apiVersion: v1
            kind: ConfigMap
            metadata: {name: '${schema.metadata.name}-config'}
            data: {threshold: "3.14"}
        """);

    [Test]
    public async Task Controller_Children_CarryKroLabelsAndTheInstanceTheApplySetParent()
    {
        await using var h = await InstanceHarness.StartAsync();
        var served = await h.ServeAsync(Optional);
        await h.CreateAsync(served.Type, Instance("Optional", "app", labels: "{team: blue}"));

        var instance = await h.WaitAsync(served.Type, "default", "app", i => State(i) == "ACTIVE", "ACTIVE");
        var config = (await h.GetAsync(ConfigMaps, "default", "app-config"))!;
        var widget = (await h.GetAsync(Widgets, "default", "app-maybe"))!;

        var id = KroMetadata.ApplySetIdOf("app", "default", "Optional", "kro.run");
        var labels = instance!["metadata"]!["labels"]!.AsObject();
        Assert.That(labels[KroMetadata.ApplySetId]!.GetValue<string>(), Is.EqualTo(id));
        Assert.That(labels["team"]!.GetValue<string>(), Is.EqualTo("blue"), "user labels on the instance are kept");
        Assert.That(labels.ContainsKey(KroMetadata.ManagedBy), Is.False, "the instance itself is not managed-by kro");
        var annotations = instance["metadata"]!["annotations"]!.AsObject();
        Assert.That(annotations[KroMetadata.ApplySetGroupKinds]!.GetValue<string>(), Is.EqualTo("ConfigMap,Widget.test.kro.dev"));
        Assert.That(annotations[KroMetadata.ApplySetTooling]!.GetValue<string>(), Does.StartWith("kro/"));
        Assert.That(config["data"]!["threshold"]!.GetValue<string>(), Is.EqualTo("3.14"));
        foreach (var (child, node) in new[] { (config, "config"), (widget, "maybe") })
        {
            var childLabels = child["metadata"]!["labels"]!.AsObject();
            Assert.That(childLabels[KroMetadata.ApplySetPartOf]!.GetValue<string>(), Is.EqualTo(id));
            Assert.That(childLabels[KroMetadata.NodeId]!.GetValue<string>(), Is.EqualTo(node));
            Assert.That(childLabels[KroMetadata.InstanceId]!.GetValue<string>(), Is.EqualTo(instance["metadata"]!["uid"]!.GetValue<string>()));
            Assert.That(childLabels[KroMetadata.InstanceKind]!.GetValue<string>(), Is.EqualTo("Optional"));
            Assert.That(childLabels[KroMetadata.ManagedBy]!.GetValue<string>(), Is.EqualTo("kro"));
            Assert.That(child["metadata"]!["ownerReferences"], Is.Null, "kro sets no ownerReferences");
            Assert.That(child["metadata"]!["managedFields"]!.AsArray().Select(m => m!["manager"]!.GetValue<string>()), Does.Contain(KroMetadata.FieldManager));
        }
    }

    [Test]
    public async Task Controller_OneInstanceExcludesANode_NothingOfAnotherInstanceOrRgdOrStrangerIsPruned()
    {
        var twin = Optional.Replace("name: optional", "name: twin", StringComparison.Ordinal).Replace("kind: Optional", "kind: Twin", StringComparison.Ordinal);
        await using var h = await InstanceHarness.StartAsync();
        var first = await h.ServeAsync(Optional);
        var second = await h.ServeAsync(twin);
        await h.CreateAsync(first.Type, Instance("Optional", "a"));
        await h.CreateAsync(first.Type, Instance("Optional", "b"));
        await h.CreateAsync(second.Type, Instance("Twin", "a", @namespace: "kube-system"));
        foreach (var (type, ns, name) in new[] { (first.Type, "default", "a"), (first.Type, "default", "b"), (second.Type, "kube-system", "a") })
        {
            await h.WaitAsync(type, ns, name, i => State(i) == "ACTIVE", $"{name} ACTIVE");
        }

        // A stranger copies instance a's labels onto its own Widget (kro #1153): it was never applied by us.
        var aWidget = (await h.GetAsync(Widgets, "default", "a-maybe"))!;
        var copied = aWidget["metadata"]!["labels"]!.ToJsonString();
        await h.CreateAsync(Widgets, $"{{apiVersion: test.kro.dev/v1, kind: Widget, metadata: {{name: stranger, namespace: default, labels: {copied}}}, spec: {{name: s}}}}");

        await h.PatchAsync(first.Type, "default", "a", "{spec: {enabled: false}}");

        await h.WaitAsync(Widgets, "default", "a-maybe", w => w is null, "instance a's excluded Widget to be pruned");
        Assert.That(await h.GetAsync(Widgets, "default", "b-maybe"), Is.Not.Null, "no pruning across instances of one RGD");
        Assert.That(await h.GetAsync(Widgets, "kube-system", "a-maybe"), Is.Not.Null, "no pruning across RGDs");
        Assert.That(await h.GetAsync(Widgets, "default", "stranger"), Is.Not.Null, "objects we did not apply are never pruned");
    }

    [Test]
    public async Task Controller_TwoInstancesRenderOneObject_SecondIsInErrorAndFirstKeepsIt()
    {
        var rgd = Of("clash", "Clash", "target: string", Widget("w", "${schema.spec.target}", spec: "name: ${schema.metadata.name}"));
        await using var h = await InstanceHarness.StartAsync();
        var served = await h.ServeAsync(rgd);
        await h.CreateAsync(served.Type, Instance("Clash", "first", "{target: shared}"));
        await h.WaitAsync(served.Type, "default", "first", i => State(i) == "ACTIVE", "the first owner ACTIVE");

        await h.CreateAsync(served.Type, Instance("Clash", "second", "{target: shared}"));

        var second = await h.WaitAsync(served.Type, "default", "second", i => State(i) == "ERROR", "the second instance to be refused");
        Assert.That(Condition(second, InstanceConditions.ResourcesReady, "message"), Does.Contain("belongs to a different ApplySet").And.Contain("default/shared"));
        Assert.That((await h.GetAsync(Widgets, "default", "shared"))!["spec"]!["name"]!.GetValue<string>(), Is.EqualTo("first"), "no silent overwrite");
        await Eventually.WaitAsync(async () => (await h.EventsAsync("default", "second")).Any(e => e["type"]!.GetValue<string>() == "Warning"), "a Warning Event on the second instance");
    }

    [Test]
    public async Task Controller_SuspendedInstance_IgnoresSpecChangesUntilResumed()
    {
        var rgd = Of("suspend", "Suspend", "replicas: integer | default=1", Widget("w", "${schema.metadata.name}", spec: "replicas: ${schema.spec.replicas}"));
        await using var h = await InstanceHarness.StartAsync();
        var served = await h.ServeAsync(rgd);
        await h.CreateAsync(served.Type, Instance("Suspend", "app"));
        await h.WaitAsync(served.Type, "default", "app", i => State(i) == "ACTIVE", "ACTIVE");

        await h.PatchAsync(served.Type, "default", "app", $"{{metadata: {{labels: {{{KroMetadata.Reconcile}: disabled}}}}, spec: {{replicas: 2}}}}");

        var suspended = await h.WaitAsync(served.Type, "default", "app", i => Condition(i, InstanceConditions.ResourcesReady, "reason") == InstanceConditions.ReconciliationSuspended, "the suspension to show");
        Assert.That((await h.GetAsync(Widgets, "default", "app"))!["spec"]!["replicas"]!.GetValue<long>(), Is.EqualTo(1), "a suspended instance's spec change is not applied");
        Assert.That(State(suspended), Is.EqualTo("IN_PROGRESS"));

        await h.PatchAsync(served.Type, "default", "app", $"{{metadata: {{labels: {{{KroMetadata.Reconcile}: null}}}}}}");
        await h.WaitAsync(Widgets, "default", "app", w => w?["spec"]?["replicas"]?.GetValue<long>() == 2, "the change to be applied once resumed");
    }

    [Test]
    public async Task Controller_ChildTerminating_WaitsNamingItAndDependentsAreNotCreated()
    {
        var rgd = Of("terminating", "Terminating", "",
            Widget("base", "${schema.metadata.name}-base", extra: "readyWhen: ['${base.status.?ready.orValue(false)}']") + "\n"
            + Widget("top", "${schema.metadata.name}-top", spec: "name: ${base.metadata.name}"));
        await using var h = await InstanceHarness.StartAsync();
        var served = await h.ServeAsync(rgd);
        await h.CreateAsync(served.Type, Instance("Terminating", "app"));
        await h.WaitAsync(Widgets, "default", "app-base", w => w is not null, "the base");
        await h.PatchAsync(Widgets, "default", "app-base", "{metadata: {finalizers: [test.kro.dev/hold]}}");
        await h.DeleteAsync(Widgets, "default", "app-base");
        await h.PatchAsync(Widgets, "default", "app-base", "{status: {ready: true}}");

        var waiting = await h.WaitAsync(served.Type, "default", "app", i => Condition(i, InstanceConditions.ResourcesReady, "reason") == InstanceConditions.ResourceDeleting, "the instance to wait on the terminating child");

        Assert.That(Condition(waiting, InstanceConditions.ResourcesReady, "message"), Does.Contain("resource \"default/app-base\""));
        Assert.That(State(waiting), Is.EqualTo("IN_PROGRESS"), "a terminating child is waited on, not an error");
        Assert.That(await h.GetAsync(Widgets, "default", "app-top"), Is.Null, "nothing downstream is created while a child terminates");

        await h.PatchAsync(Widgets, "default", "app-base", "{metadata: {finalizers: null}}");
        var recreated = await h.WaitAsync(Widgets, "default", "app-base", w => w is not null && w["metadata"]?["deletionTimestamp"] is null, "the child to be re-created once it is gone");
        Assert.That(recreated!["status"], Is.Null.Or.Property("Count").EqualTo(0));
    }
}
