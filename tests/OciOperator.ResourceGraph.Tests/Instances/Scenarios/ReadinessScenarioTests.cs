using OciOperator.ResourceGraph.Instances;
using OciOperator.ResourceGraph.Tests.Support;
using static OciOperator.ResourceGraph.Tests.Support.InstanceHarness;
using static OciOperator.ResourceGraph.Tests.Support.ScenarioRgd;

namespace OciOperator.ResourceGraph.Tests.Instances.Scenarios;

/// <summary>
/// kro's readiness, ordering and data-pending scenarios (A.3.2: readiness_test, dependency_readiness_test,
/// data_pending_test, lifecycle_test) against the Sandbox with a running instance controller. Child status is set
/// by hand, as kro's envtest suites do; every step after that is driven by the controller's watches.
/// </summary>
[Parallelizable(ParallelScope.Children)]
public sealed class ReadinessScenarioTests
{
    private static readonly string Gated = Of("gated", "Gated", "name: string | default=\"g\"",
        Widget("first", "${schema.metadata.name}-first", extra: "readyWhen: ['${first.status.?ready.orValue(false)}']") + "\n"
        + Widget("second", "${schema.metadata.name}-second", extra: "readyWhen: ['${second.status.?count.orValue(0) > 1}']") + "\n"
        + Widget("both", "${schema.metadata.name}-both", spec: "name: ${first.metadata.name + '/' + second.metadata.name}"),
        status: "joined: ${both.spec.name}");

    [Test]
    public async Task Controller_DependenciesNotReady_DependentCreatedOnlyWhenAllAreReady()
    {
        await using var h = await InstanceHarness.StartAsync();
        var served = await h.ServeAsync(Gated);
        await h.CreateAsync(served.Type, Instance("Gated", "app"));

        var waiting = await h.WaitAsync(served.Type, "default", "app", i => Condition(i, InstanceConditions.ResourcesReady, "message")?.Contains("second", StringComparison.Ordinal) == true, "the instance to wait on its readyWhen");
        Assert.That(State(waiting), Is.EqualTo("IN_PROGRESS"));
        Assert.That(Condition(waiting, InstanceConditions.ResourcesReady, "message"), Does.Contain("Widget default/app-first").And.Contain("readyWhen first.status.?ready.orValue(false)"));
        Assert.That(await h.GetAsync(Widgets, "default", "app-first"), Is.Not.Null, "independent roots are created in parallel");
        Assert.That(await h.GetAsync(Widgets, "default", "app-second"), Is.Not.Null);

        await h.PatchAsync(Widgets, "default", "app-first", "{status: {ready: true}}");
        await h.WaitAsync(served.Type, "default", "app", i => Condition(i, InstanceConditions.ResourcesReady, "message")?.Contains("app-first", StringComparison.Ordinal) == false, "first to count as ready");
        Assert.That(await h.GetAsync(Widgets, "default", "app-both"), Is.Null, "one dependency is still not ready");

        await h.PatchAsync(Widgets, "default", "app-second", "{status: {count: 2}}");
        var active = await h.WaitAsync(served.Type, "default", "app", i => State(i) == "ACTIVE", "the instance to become ACTIVE once every node is ready");
        Assert.That(active!["status"]!["joined"]!.GetValue<string>(), Is.EqualTo("app-first/app-second"));
        Assert.That(Condition(active, InstanceConditions.Ready), Is.EqualTo("True"));
    }

    [Test]
    public async Task Controller_StatusFieldNotThereYet_WaitingNamesThePathNotAnError()
    {
        var rgd = Of("pending", "Pending", "",
            Widget("source", "${schema.metadata.name}-source") + "\n"
            + Widget("reader", "${schema.metadata.name}-reader", spec: "name: ${source.status.address}") + "\n"
            + Widget("independent", "${schema.metadata.name}-independent"));
        await using var h = await InstanceHarness.StartAsync();
        var served = await h.ServeAsync(rgd);
        await h.CreateAsync(served.Type, Instance("Pending", "app"));

        var pending = await h.WaitAsync(served.Type, "default", "app", i => Condition(i, InstanceConditions.ResourcesReady, "message")?.Contains("reader", StringComparison.Ordinal) == true, "the instance to report the pending value");

        Assert.That(State(pending), Is.EqualTo("IN_PROGRESS"), "waiting on data is not an error");
        Assert.That(Condition(pending, InstanceConditions.ResourcesReady, "message"), Does.Contain("reader waits on data at spec.name").And.Contain("source.status.address"));
        Assert.That(await h.GetAsync(Widgets, "default", "app-independent"), Is.Not.Null, "independent resources are still created");
        Assert.That(await h.GetAsync(Widgets, "default", "app-reader"), Is.Null);

        await h.PatchAsync(Widgets, "default", "app-source", "{status: {address: 10.0.0.7}}");

        var reader = await h.WaitAsync(Widgets, "default", "app-reader", w => w is not null, "the reader to be created once the value exists");
        Assert.That(reader!["spec"]!["name"]!.GetValue<string>(), Is.EqualTo("10.0.0.7"));
        await h.WaitAsync(served.Type, "default", "app", i => State(i) == "ACTIVE", "ACTIVE");
    }

    [Test]
    public async Task Controller_ChainReadyOnApply_SeveralLayersInOneReconcile()
    {
        var rgd = Of("chain", "Chain", "",
            Widget("a", "${schema.metadata.name}-a") + "\n"
            + Widget("b", "${schema.metadata.name}-b", spec: "name: ${a.metadata.name}") + "\n"
            + Widget("c", "${schema.metadata.name}-c", spec: "name: ${b.metadata.name}") + "\n"
            + Widget("d", "${schema.metadata.name}-d", spec: "name: ${c.metadata.name}"));
        await using var h = await InstanceHarness.StartAsync();
        var served = await h.ServeAsync(rgd);
        await h.CreateAsync(served.Type, Instance("Chain", "app"));

        await h.WaitAsync(served.Type, "default", "app", i => State(i) == "ACTIVE", "ACTIVE");

        Assert.That(h.Metrics.Sum("instance_state_transitions_total", "to_state=ACTIVE"), Is.EqualTo(1));
        Assert.That(h.Metrics.Sum("instance_state_transitions_total", "to_state=IN_PROGRESS"), Is.Zero, "four layers ready on apply proceed in the first reconcile");
        Assert.That((await h.GetAsync(Widgets, "default", "app-d"))!["spec"]!["name"]!.GetValue<string>(), Is.EqualTo("app-c"));
    }

    [Test]
    public async Task Controller_SpecUpdated_PropagatesAndObservedGenerationFollows()
    {
        var rgd = Of("lifecycle", "Lifecycle", "name: string | default=\"one\"\nreplicas: integer | default=1",
            Widget("w", "${schema.metadata.name}", spec: "name: ${schema.spec.name}\nreplicas: ${schema.spec.replicas}"));
        await using var h = await InstanceHarness.StartAsync();
        var served = await h.ServeAsync(rgd);
        await h.CreateAsync(served.Type, Instance("Lifecycle", "app"));
        await h.WaitAsync(served.Type, "default", "app", i => State(i) == "ACTIVE", "ACTIVE");

        var patched = await h.PatchAsync(served.Type, "default", "app", "{spec: {name: two, replicas: 3}}");

        var generation = patched["metadata"]!["generation"]!.GetValue<long>();
        await h.WaitAsync(Widgets, "default", "app", w => w?["spec"]?["replicas"]?.GetValue<long>() == 3, "the new replicas on the Widget");
        var instance = await h.WaitAsync(served.Type, "default", "app", i => Condition(i, InstanceConditions.Ready, "observedGeneration") == generation.ToString(System.Globalization.CultureInfo.InvariantCulture), "observedGeneration to follow");
        Assert.That((await h.GetAsync(Widgets, "default", "app"))!["spec"]!["name"]!.GetValue<string>(), Is.EqualTo("two"));
        Assert.That(Condition(instance, InstanceConditions.InstanceManaged, "observedGeneration"), Is.EqualTo(generation.ToString(System.Globalization.CultureInfo.InvariantCulture)));
    }

    [Test]
    public async Task Controller_ActiveInstanceReconciledAgain_CostsNoApiCall()
    {
        var rgd = Of("steady", "Steady", "", Widget("a", "${schema.metadata.name}-a") + "\n" + Widget("b", "${schema.metadata.name}-b", spec: "name: ${a.metadata.name}"), status: "name: ${b.spec.name}");
        await using var h = await InstanceHarness.StartAsync();
        var served = await h.ServeAsync(rgd);
        await h.CreateAsync(served.Type, Instance("Steady", "app"));
        await h.WaitAsync(served.Type, "default", "app", i => State(i) == "ACTIVE", "ACTIVE");
        await Eventually.WaitAsync(() => h.Metrics.Sum("instance_reconcile_total") >= 2, "the reconcile our own writes caused");
        var reconciles = h.Metrics.Sum("instance_reconcile_total");
        var before = h.Requests.Snapshot();

        // A label edit by someone else wakes the controller; nothing of ours changed.
        await h.PatchAsync(served.Type, "default", "app", "{metadata: {labels: {team: blue}}}");
        await Eventually.WaitAsync(() => h.Metrics.Sum("instance_reconcile_total") > reconciles, "the instance to be reconciled again");

        var cost = h.Requests.Since(before);
        // The instance and its children are read from the informer caches: no read and no write reach the API server.
        Assert.That(RequestCounter.Calls(cost), Is.Zero, RequestCounter.Format(cost));
    }
}
