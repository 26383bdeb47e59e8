using System.Text.Json.Nodes;
using OciOperator.ResourceGraph.Definitions;
using OciOperator.Runtime.Reconciliation;

namespace OciOperator.ResourceGraph.Tests.Definitions;

/// <summary>
/// kro's RGD and CRD lifecycle scenarios (kro.md A.3.1) against a running RGD controller in the Sandbox, driven with
/// the real kubectl. Each test uses its own kind, so they share one engine.
/// </summary>
[NonParallelizable]
public sealed class RgdLifecycleTests
{
    private static readonly ResourceType ConfigMaps = new(string.Empty, "v1", "ConfigMap", "configmaps");

    private RgdEngine _engine = null!;

    [OneTimeSetUp]
    public async Task StartAsync()
    {
        if (!KubectlRunner.Available)
        {
            Assert.Ignore("kubectl is not installed at /usr/bin/kubectl (.ci/run installs it).");
        }

        _engine = await RgdEngine.StartAsync();
    }

    [OneTimeTearDown]
    public async Task StopAsync()
    {
        if (_engine is not null)
        {
            await _engine.DisposeAsync();
        }
    }

    [Test]
    public async Task Update_RgdSchemaShortNamesAndColumns_CrdCreatedThenUpdated()
    {
        await _engine.ApplyAsync(RgdYaml.Rgd("lc-update", "LcUpdate"));
        await _engine.WaitForRgdAsync("lc-update", RgdEngine.IsActive, "Active");
        var created = await _engine.GetCrdAsync("lcupdates.kro.run");
        Assert.That(created, Is.Not.Null, "the CRD is created with the RGD");
        Assert.That(created!.Metadata.Labels["kro.run/owned"], Is.EqualTo("true"));

        await _engine.ApplyAsync(RgdYaml.Rgd("lc-update", "LcUpdate", spec: "value: string | default=\"v\"\nsize: integer | default=3", schemaExtra: "shortNames: [lcu]\ncategories: [lcall]"));
        await _engine.WaitForRgdAsync("lc-update", RgdEngine.IsActive, "Active at generation 2");

        var crd = (await _engine.GetCrdAsync("lcupdates.kro.run"))!.ToJsonObject();
        Assert.That(crd["spec"]!["versions"]![0]!["schema"]!["openAPIV3Schema"]!["properties"]!["spec"]!["properties"]!["size"]!["default"]!.GetValue<long>(), Is.EqualTo(3));
        Assert.That(crd["spec"]!["names"]!["shortNames"]!.AsArray().Select(n => n!.GetValue<string>()), Is.EqualTo(new[] { "lcu" }));
        Assert.That(crd["spec"]!["names"]!["categories"]!.AsArray().Select(n => n!.GetValue<string>()), Is.EqualTo(new[] { "lcall" }));
    }

    [Test]
    public async Task Update_PrinterColumnsOnly_AppliedToCrd()
    {
        await _engine.ApplyAsync(RgdYaml.Rgd("lc-columns", "LcPrinter"));
        await _engine.WaitForRgdAsync("lc-columns", RgdEngine.IsActive, "Active");

        await _engine.ApplyAsync(RgdYaml.Rgd("lc-columns", "LcPrinter", schemaExtra: "additionalPrinterColumns:\n  - {name: Value, type: string, jsonPath: .spec.value}"));

        await Eventually.WaitAsync(
            async () => (await _engine.GetCrdAsync("lcprinters.kro.run"))?["spec"]?["versions"]?[0]?["additionalPrinterColumns"] is JsonArray { Count: 1 } columns
                && columns[0]!["name"]!.GetValue<string>() == "Value",
            "the printer-column-only change to reach the CRD (kro #1378)");
        await _engine.WaitForRgdAsync("lc-columns", RgdEngine.IsActive, "Active at generation 2");
    }

    [Test]
    public async Task Delete_RgdWithDefaultFlags_CrdKeptInstanceReleasedChildOrphaned()
    {
        await _engine.ApplyAsync(RgdYaml.Rgd("lc-delete", "LcDelete"));
        await _engine.WaitForRgdAsync("lc-delete", RgdEngine.IsActive, "Active");
        await _engine.ApplyAsync(RgdYaml.Instance("LcDelete", "one", "first"), "lc-delete-one.yaml");
        var instanceType = new ResourceType("kro.run", "v1alpha1", "LcDelete", "lcdeletes");
        await Eventually.UntilAsync(() => _engine.GetAsync(instanceType, "default", "one"), i => i?["status"]?["state"]?.GetValue<string>() == "ACTIVE", "the instance to become ACTIVE");
        Assert.That((await _engine.GetAsync(instanceType, "default", "one"))!["metadata"]!["finalizers"]!.AsArray().Select(f => f!.GetValue<string>()), Does.Contain("kro.run/finalizer"));

        var deleted = await _engine.Kubectl.RunAsync("delete", "rgd", "lc-delete", "--timeout=30s");
        Assert.That(deleted.ExitCode, Is.Zero, deleted.ToString());

        Assert.That(await _engine.GetRgdAsync("lc-delete"), Is.Null, "the RGD is gone");
        Assert.That(await _engine.GetCrdAsync("lcdeletes.kro.run"), Is.Not.Null, "the CRD stays without --allow-crd-deletion");
        var instance = await _engine.GetAsync(instanceType, "default", "one");
        Assert.That(instance?["metadata"]?["finalizers"] as JsonArray ?? [], Is.Empty, "the instance's kro.run/finalizer is released");
        var instanceDeleted = await _engine.Kubectl.RunAsync("delete", "lcdeletes.kro.run", "one", "-n", "default", "--timeout=20s");
        Assert.That(instanceDeleted.ExitCode, Is.Zero, "the instance of a deleted RGD stays deletable: " + instanceDeleted);
        Assert.That(await _engine.GetAsync(ConfigMaps, "default", "one-cm"), Is.Not.Null, "its child is orphaned, not deleted");
    }

    [Test]
    public async Task Apply_TwoRgdsOnOneKind_SecondInactiveAndDeletingItLeavesTheFirstServing()
    {
        await _engine.ApplyAsync(RgdYaml.Rgd("lc-owner", "LcShared"));
        await _engine.WaitForRgdAsync("lc-owner", RgdEngine.IsActive, "Active");

        await _engine.ApplyAsync(RgdYaml.Rgd("lc-intruder", "LcShared"), "intruder.yaml");
        var status = await _engine.WaitForRgdAsync("lc-intruder", s => RgdEngine.ConditionStatus(s, RgdConditions.KindReady) == RgdConditions.False, "KindReady False");

        Assert.That(RgdEngine.State(status), Is.EqualTo(RgdConditions.StateInactive));
        Assert.That(RgdEngine.ConditionMessage(status, RgdConditions.KindReady), Does.Contain("failed to update CRD lcshareds.kro.run: CRD is owned by another ResourceGraphDefinition lc-owner"));
        var removed = await _engine.Kubectl.RunAsync("delete", "rgd", "lc-intruder", "--timeout=30s");
        Assert.That(removed.ExitCode, Is.Zero, removed.ToString());
        Assert.That(await _engine.GetCrdAsync("lcshareds.kro.run"), Is.Not.Null);
        Assert.That(RgdEngine.IsActive((await _engine.GetRgdAsync("lc-owner"))!["status"]!.AsObject()), Is.True);
        await _engine.ApplyAsync(RgdYaml.Instance("LcShared", "shared", "still-served"), "lc-shared.yaml");
        await Eventually.UntilAsync(() => _engine.GetAsync(ConfigMaps, "default", "shared-cm"), c => c?["data"]?["value"]?.GetValue<string>() == "still-served", "the first RGD's controller to keep serving");
    }

    [Test]
    public async Task Update_BreakingChange_RefusedUntilAllowedByAnnotation()
    {
        await _engine.ApplyAsync(RgdYaml.Rgd("lc-breaking", "LcBreaking", spec: "value: string | default=\"v\"\ncount: integer | default=1"));
        await _engine.WaitForRgdAsync("lc-breaking", RgdEngine.IsActive, "Active");

        await _engine.ApplyAsync(RgdYaml.Rgd("lc-breaking", "LcBreaking", spec: "value: string | default=\"v\"\ncount: string | default=\"1\""));
        var refused = await _engine.WaitForRgdAsync("lc-breaking", s => RgdEngine.ConditionStatus(s, RgdConditions.KindReady) == RgdConditions.False, "KindReady False");
        Assert.That(RgdEngine.ConditionMessage(refused, RgdConditions.KindReady), Does.Contain("cannot update CRD lcbreakings.kro.run: breaking changes detected: TYPE_CHANGED"));
        Assert.That(RgdEngine.State(refused), Is.EqualTo(RgdConditions.StateInactive));
        Assert.That(CountType(await _engine.GetCrdAsync("lcbreakings.kro.run")), Is.EqualTo("integer"), "the CRD is not changed");

        await _engine.ApplyAsync(RgdYaml.Rgd("lc-breaking", "LcBreaking", spec: "value: string | default=\"v\"\ncount: string | default=\"1\"", annotations: "kro.run/allow-breaking-changes: \"true\""));
        await _engine.WaitForRgdAsync("lc-breaking", RgdEngine.IsActive, "Active once breaking changes are allowed");
        Assert.That(CountType(await _engine.GetCrdAsync("lcbreakings.kro.run")), Is.EqualTo("string"));
    }

    [Test]
    public async Task Update_NonBreakingChange_AppliedAndStaysActive()
    {
        await _engine.ApplyAsync(RgdYaml.Rgd("lc-additive", "LcAdditive"));
        await _engine.WaitForRgdAsync("lc-additive", RgdEngine.IsActive, "Active");

        await _engine.ApplyAsync(RgdYaml.Rgd("lc-additive", "LcAdditive", spec: "value: string | default=\"v\"\nextra: string | minLength=2"));

        await _engine.WaitForRgdAsync("lc-additive", RgdEngine.IsActive, "Active at generation 2");
        var crd = (await _engine.GetCrdAsync("lcadditives.kro.run"))!.ToJsonObject();
        Assert.That(crd["spec"]!["versions"]![0]!["schema"]!["openAPIV3Schema"]!["properties"]!["spec"]!["properties"]!["extra"]!["minLength"]!.GetValue<long>(), Is.EqualTo(2));
    }

    [Test]
    public async Task Edit_CrdByHand_Reverted()
    {
        await _engine.ApplyAsync(RgdYaml.Rgd("lc-manual", "LcManual"));
        await _engine.WaitForRgdAsync("lc-manual", RgdEngine.IsActive, "Active");

        var patched = await _engine.Kubectl.RunAsync("patch", "crd", "lcmanuals.kro.run", "--type=json",
            "-p", """[{"op":"replace","path":"/spec/versions/0/schema/openAPIV3Schema/properties/spec/properties/value/default","value":"hacked"}]""");
        Assert.That(patched.ExitCode, Is.Zero, patched.ToString());

        await Eventually.WaitAsync(
            async () => DefaultOfValue(await _engine.GetCrdAsync("lcmanuals.kro.run")) == "v",
            "the manual edit to be reverted");
    }

    [Test]
    public async Task Delete_CrdByHand_RecreatedAndServedAgain()
    {
        await _engine.ApplyAsync(RgdYaml.Rgd("lc-recreate", "LcRecreate"));
        await _engine.WaitForRgdAsync("lc-recreate", RgdEngine.IsActive, "Active");
        var before = (await _engine.GetCrdAsync("lcrecreates.kro.run"))!.Metadata.Uid;

        var deleted = await _engine.Kubectl.RunAsync("delete", "crd", "lcrecreates.kro.run", "--timeout=30s");
        Assert.That(deleted.ExitCode, Is.Zero, deleted.ToString());

        await Eventually.WaitAsync(async () => (await _engine.GetCrdAsync("lcrecreates.kro.run"))?.Metadata.Uid is { } uid && uid != before, "the CRD to be recreated");
        await _engine.WaitForRgdAsync("lc-recreate", RgdEngine.IsActive, "Active again");
        await _engine.ApplyAsync(RgdYaml.Instance("LcRecreate", "again", "served"), "lc-recreate.yaml");
        await Eventually.UntilAsync(() => _engine.GetAsync(ConfigMaps, "default", "again-cm"), c => c?["data"]?["value"]?.GetValue<string>() == "served", "the recreated kind to be served");
    }

    [Test]
    public async Task Update_InvalidGraph_InactiveWithReasonWhileLastGoodGraphServesInstances()
    {
        await _engine.ApplyAsync(RgdYaml.Rgd("lc-lastgood", "LcLastGood"));
        await _engine.WaitForRgdAsync("lc-lastgood", RgdEngine.IsActive, "Active");
        await _engine.ApplyAsync(RgdYaml.Instance("LcLastGood", "kept", "one"), "lc-lastgood.yaml");
        await Eventually.UntilAsync(() => _engine.GetAsync(ConfigMaps, "default", "kept-cm"), c => c?["data"]?["value"]?.GetValue<string>() == "one", "the child");

        var cycle = """
            - id: first
              template:
                apiVersion: v1
                kind: ConfigMap
                metadata: {name: '${second.metadata.name + "-a"}', namespace: '${schema.metadata.namespace}'}
            - id: second
              template:
                apiVersion: v1
                kind: ConfigMap
                metadata: {name: '${first.metadata.name + "-b"}', namespace: '${schema.metadata.namespace}'}
            """;
        await _engine.ApplyAsync(RgdYaml.Rgd("lc-lastgood", "LcLastGood", resources: cycle));
        var status = await _engine.WaitForRgdAsync("lc-lastgood", s => RgdEngine.ConditionStatus(s, RgdConditions.GraphAccepted) == RgdConditions.False, "GraphAccepted False");
        Assert.That(RgdEngine.State(status), Is.EqualTo(RgdConditions.StateInactive));
        Assert.That(RgdEngine.Condition(status, RgdConditions.GraphAccepted)!["reason"]!.GetValue<string>(), Is.EqualTo(RgdConditions.Reasons.InvalidResourceGraph));
        Assert.That(RgdEngine.ConditionMessage(status, RgdConditions.GraphAccepted), Does.Contain("graph contains a cycle"));
        Assert.That(status["topologicalOrder"]!.AsArray().Select(n => n!.GetValue<string>()), Is.EqualTo(new[] { "config" }), "the order of the graph still serving");

        await _engine.ApplyAsync(RgdYaml.Instance("LcLastGood", "kept", "two"), "lc-lastgood.yaml");
        await Eventually.UntilAsync(() => _engine.GetAsync(ConfigMaps, "default", "kept-cm"), c => c?["data"]?["value"]?.GetValue<string>() == "two", "the last good graph to keep serving the instance");

        await _engine.ApplyAsync(RgdYaml.Rgd("lc-lastgood", "LcLastGood"));
        await _engine.WaitForRgdAsync("lc-lastgood", RgdEngine.IsActive, "Active after the fix");
    }

    [Test]
    public async Task Apply_RgdReadingAMissingCrd_WaitsThenRecoversWhenTheCrdAppears()
    {
        var resources = """
            - id: gizmo
              template:
                apiVersion: lc.example.com/v1
                kind: Gizmo
                metadata: {name: '${schema.metadata.name}', namespace: '${schema.metadata.namespace}'}
                spec: {size: '${schema.spec.value}'}
            """;
        await _engine.ApplyAsync(RgdYaml.Rgd("lc-waiting", "LcWaiting", resources: resources));
        var waiting = await _engine.WaitForRgdAsync("lc-waiting", s => RgdEngine.ConditionStatus(s, RgdConditions.GraphAccepted) == RgdConditions.False, "waiting for the CRD");
        Assert.That(RgdEngine.State(waiting), Is.EqualTo(RgdConditions.StateInactive));
        Assert.That(RgdEngine.Condition(waiting, RgdConditions.GraphAccepted)!["reason"]!.GetValue<string>(), Is.EqualTo(RgdConditions.Reasons.WaitingForCrd));
        Assert.That(RgdEngine.ConditionMessage(waiting, RgdConditions.GraphAccepted), Does.Contain("waiting for CRD").And.Contain("Gizmo"));

        await _engine.ApplyAsync(GizmoCrd, "gizmo-crd.yaml");

        // The CRD event wakes the RGD at once, well before its first 5 s retry.
        await _engine.WaitForRgdAsync("lc-waiting", RgdEngine.IsActive, "Active once the CRD exists", TimeSpan.FromSeconds(4));
    }

    [Test]
    public async Task Reconcile_UnchangedRgd_WritesNothing()
    {
        await _engine.ApplyAsync(RgdYaml.Rgd("lc-quiet", "LcQuiet"));
        await _engine.WaitForRgdAsync("lc-quiet", RgdEngine.IsActive, "Active");
        await Eventually.WaitAsync(async () =>
        {
            var first = await _engine.StoreRevisionAsync();
            await Task.Delay(300);
            return await _engine.StoreRevisionAsync() == first;
        }, "the Sandbox to settle");
        var reconciles = _engine.Reconciles.GetValueOrDefault("lc-quiet");
        var before = await _engine.StoreRevisionAsync();

        for (var i = 0; i < 5; i++)
        {
            _engine.Setup.Reconciler!.CrdsChanged();
            await _engine.Setup.Reconciler.ReconcileAsync(new ReconcileRequest(null, "lc-quiet", RgdReconciler.Type), CancellationToken.None);
        }

        Assert.That(await _engine.StoreRevisionAsync(), Is.EqualTo(before), "no write to any object (status, CRD, finalizer, Event)");
        Assert.That(_engine.Reconciles.GetValueOrDefault("lc-quiet"), Is.EqualTo(reconciles), "and our own reads did not wake the controller");
    }

    private const string GizmoCrd = """
        apiVersion: apiextensions.k8s.io/v1
        kind: CustomResourceDefinition
        metadata: {name: gizmos.lc.example.com}
        spec:
          group: lc.example.com
          scope: Namespaced
          names: {kind: Gizmo, plural: gizmos, singular: gizmo, listKind: GizmoList}
          versions:
            - name: v1
              served: true
              storage: true
              schema:
                openAPIV3Schema:
                  type: object
                  properties:
                    spec: {type: object, properties: {size: {type: string}}}
        """;

    private static string? CountType(Runtime.Client.UnstructuredObject? crd) =>
        crd?["spec"]?["versions"]?[0]?["schema"]?["openAPIV3Schema"]?["properties"]?["spec"]?["properties"]?["count"]?["type"]?.GetValue<string>();

    private static string? DefaultOfValue(Runtime.Client.UnstructuredObject? crd) =>
        crd?["spec"]?["versions"]?[0]?["schema"]?["openAPIV3Schema"]?["properties"]?["spec"]?["properties"]?["value"]?["default"]?.GetValue<string>();
}
