using OciOperator.ResourceGraph.Instances;
using OciOperator.ResourceGraph.Tests.Support;
using static OciOperator.ResourceGraph.Tests.Support.InstanceHarness;
using static OciOperator.ResourceGraph.Tests.Support.ScenarioRgd;

namespace OciOperator.ResourceGraph.Tests.Instances.Scenarios;

/// <summary>
/// Bad instances end with a clear condition and a Warning Event, are retried slowly (no hot loop), never crash the
/// controller, and recover as soon as they are fixed: a required field missing, a value that breaks a template's type
/// at run time, a child the API server rejects with 422.
/// </summary>
[Parallelizable(ParallelScope.Children)]
public sealed class BadInstanceScenarioTests
{
    private static readonly string Typed = Of("typed", "Typed", "name: string | required=true\nconfig: object\nlabel: string | default=\"ok\"",
        Widget("w", "${schema.metadata.name}", spec: "name: ${schema.spec.name}\nreplicas: ${int(schema.spec.config.count) * 2}") + "\n"
        + """
        - id: cm
          template:
            apiVersion: v1
            kind: ConfigMap
            metadata: {name: '${schema.metadata.name}-cm', labels: {tier: '${schema.spec.label}'}}
            data: {k: v}
        """);

    public static IEnumerable<TestCaseData> BadCases()
    {
        yield return new TestCaseData("{config: {count: 1}}", "spec.name: Required value", "{spec: {name: given}}")
            .SetName("Controller_RequiredFieldMissing_InvalidInstanceThenRecovers");
        yield return new TestCaseData("{name: n, config: {count: abc}}", "spec.replicas", "{spec: {config: {count: 2}}}")
            .SetName("Controller_ValueBreaksTemplateTypeAtRunTime_ErrorThenRecovers");
        yield return new TestCaseData("{name: n, config: {count: 1}, label: 'not a label!'}", "ConfigMap default/app-cm was rejected", "{spec: {label: fine}}")
            .SetName("Controller_ChildRejectedByTheApiServer_ErrorThenRecovers");
    }

    [TestCaseSource(nameof(BadCases))]
    public async Task Controller_BadInstance_ClearConditionWarningEventNoHotLoopAndRecovery(string spec, string expected, string fix)
    {
        await using var h = await InstanceHarness.StartAsync();
        var served = await h.ServeAsync(Typed, lenientCrd: true);
        await h.CreateAsync(served.Type, Instance("Typed", "app", spec));

        var failed = await h.WaitAsync(served.Type, "default", "app", i => State(i) == "ERROR", "the instance to be in ERROR");
        Assert.That(Condition(failed, InstanceConditions.ResourcesReady, "message"), Does.Contain(expected));
        Assert.That(Condition(failed, InstanceConditions.Ready), Is.EqualTo("False"));
        await Eventually.WaitAsync(async () => (await h.EventsAsync("default", "app")).Any(e => e["type"]!.GetValue<string>() == "Warning" && e["message"]!.GetValue<string>().Contains(expected, StringComparison.Ordinal)),
            "a Warning Event naming the problem");

        // Reconciled again as it is, the instance is not retried hot, and nothing is written.
        var reconciler = new InstanceReconciler(served.Graph, h.Api, NamingResourceMapper.Map, TimeProvider.System);
        var before = await h.GetAsync(served.Type, "default", "app");
        var again = await reconciler.ReconcileAsync("default", "app", CancellationToken.None);
        Assert.That(again.RequeueAfter, Is.EqualTo(InstanceReconciler.ErrorRequeue));
        Assert.That((await h.GetAsync(served.Type, "default", "app"))!["metadata"]!["resourceVersion"]!.GetValue<string>(), Is.EqualTo(before!["metadata"]!["resourceVersion"]!.GetValue<string>()));

        await h.PatchAsync(served.Type, "default", "app", fix);

        var recovered = await h.WaitAsync(served.Type, "default", "app", i => State(i) == "ACTIVE", "the fixed instance to recover");
        Assert.That(Condition(recovered, InstanceConditions.Ready), Is.EqualTo("True"));
        Assert.That(await h.GetAsync(Widgets, "default", "app"), Is.Not.Null);
    }
}
