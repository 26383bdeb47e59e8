using OciOperator.ResourceGraph.Instances;
using OciOperator.ResourceGraph.Tests.Support;
using static OciOperator.ResourceGraph.Tests.Support.InstanceHarness;
using static OciOperator.ResourceGraph.Tests.Support.ScenarioRgd;

namespace OciOperator.ResourceGraph.Tests.Instances.Scenarios;

/// <summary>kro's includeWhen scenarios (A.3.2 include_when_test, A.3.3 applyset prune-on-toggle): schema-, resource- and status-backed.</summary>
[Parallelizable(ParallelScope.Children)]
public sealed class IncludeWhenScenarioTests
{
    [Test]
    public async Task Controller_SchemaBackedIncludeWhenToggled_CreatesThenPrunesWithDependents()
    {
        var rgd = Of("toggle", "Toggle", "enabled: boolean | default=false",
            Widget("optional", "${schema.metadata.name}-optional", extra: "includeWhen: ['${schema.spec.enabled}']") + "\n"
            + Widget("dependent", "${schema.metadata.name}-dependent", spec: "name: ${optional.metadata.name}") + "\n"
            + Widget("always", "${schema.metadata.name}-always"));
        await using var h = await InstanceHarness.StartAsync();
        var served = await h.ServeAsync(rgd);
        await h.CreateAsync(served.Type, Instance("Toggle", "app"));

        await h.WaitAsync(served.Type, "default", "app", i => State(i) == "ACTIVE", "ACTIVE with the optional node excluded");
        Assert.That(await h.GetAsync(Widgets, "default", "app-optional"), Is.Null);
        Assert.That(await h.GetAsync(Widgets, "default", "app-dependent"), Is.Null, "dependents of an excluded node are excluded");
        Assert.That(await h.GetAsync(Widgets, "default", "app-always"), Is.Not.Null);

        await h.PatchAsync(served.Type, "default", "app", "{spec: {enabled: true}}");
        await h.WaitAsync(Widgets, "default", "app-dependent", w => w is not null, "the dependent to be created when included");

        await h.PatchAsync(served.Type, "default", "app", "{spec: {enabled: false}}");
        await h.WaitAsync(Widgets, "default", "app-optional", w => w is null, "the excluded node to be pruned");
        await h.WaitAsync(Widgets, "default", "app-dependent", w => w is null, "its dependent to be pruned");
        Assert.That(await h.GetAsync(Widgets, "default", "app-always"), Is.Not.Null);
        Assert.That(State(await h.GetAsync(served.Type, "default", "app")), Is.EqualTo("ACTIVE"));
    }

    [Test]
    public async Task Controller_ResourceBackedIncludeWhen_ExclusionPropagatesAndFlipPrunes()
    {
        var rgd = Of("resbacked", "ResBacked", "mode: string | default=\"off\"",
            Widget("switch", "${schema.metadata.name}-switch", spec: "name: ${schema.spec.mode}") + "\n"
            + Widget("gated", "${schema.metadata.name}-gated", extra: "includeWhen: ['${switch.spec.name == \"on\"}']") + "\n"
            + Widget("downstream", "${schema.metadata.name}-downstream", spec: "name: ${gated.metadata.name}"));
        await using var h = await InstanceHarness.StartAsync();
        var served = await h.ServeAsync(rgd);
        await h.CreateAsync(served.Type, Instance("ResBacked", "app", "{mode: 'on'}"));
        await h.WaitAsync(Widgets, "default", "app-downstream", w => w is not null, "the gated chain to be created");

        await h.PatchAsync(served.Type, "default", "app", "{spec: {mode: 'off'}}");

        await h.WaitAsync(Widgets, "default", "app-downstream", w => w is null, "the downstream dependent to be pruned");
        await h.WaitAsync(Widgets, "default", "app-gated", w => w is null, "the gated node to be pruned");
        Assert.That((await h.GetAsync(Widgets, "default", "app-switch"))!["spec"]!["name"]!.GetValue<string>(), Is.EqualTo("off"));
    }

    [Test]
    public async Task Controller_StatusBackedIncludeWhen_WaitsForTheStatusThenDecides()
    {
        var rgd = Of("statusbacked", "StatusBacked", "",
            Widget("probe", "${schema.metadata.name}-probe", extra: "readyWhen: ['${has(probe.status.ready)}']") + "\n"
            + Widget("feature", "${schema.metadata.name}-feature", extra: "includeWhen: ['${probe.status.ready}']") + "\n"
            + Widget("user", "${schema.metadata.name}-user", spec: "name: ${feature.metadata.name}"));
        await using var h = await InstanceHarness.StartAsync();
        var served = await h.ServeAsync(rgd);
        await h.CreateAsync(served.Type, Instance("StatusBacked", "app"));

        var waiting = await h.WaitAsync(served.Type, "default", "app", i => Condition(i, InstanceConditions.ResourcesReady, "message")?.Contains("probe", StringComparison.Ordinal) == true, "the instance to wait on the probe");
        Assert.That(State(waiting), Is.EqualTo("IN_PROGRESS"));
        Assert.That(await h.GetAsync(Widgets, "default", "app-feature"), Is.Null, "includeWhen on a resource waits until that resource is ready");

        await h.PatchAsync(Widgets, "default", "app-probe", "{status: {ready: true}}");
        await h.WaitAsync(Widgets, "default", "app-user", w => w is not null, "the feature chain to be created");

        await h.PatchAsync(Widgets, "default", "app-probe", "{status: {ready: false}}");
        await h.WaitAsync(Widgets, "default", "app-user", w => w is null, "the dependent to be pruned when the status flips");
        await h.WaitAsync(Widgets, "default", "app-feature", w => w is null, "the feature to be pruned");
        await h.WaitAsync(served.Type, "default", "app", i => State(i) == "ACTIVE", "ACTIVE with the feature excluded");
    }
}
