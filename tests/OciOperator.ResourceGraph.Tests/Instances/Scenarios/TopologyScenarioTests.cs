using OciOperator.ResourceGraph.Instances;
using OciOperator.ResourceGraph.Tests.Support;
using static OciOperator.ResourceGraph.Tests.Support.InstanceHarness;
using static OciOperator.ResourceGraph.Tests.Support.ScenarioRgd;

namespace OciOperator.ResourceGraph.Tests.Instances.Scenarios;

/// <summary>
/// kro's scenarios across scopes and graphs (A.3.2 instance_cluster_scoped_test, A.3.1 nested_test, A.3.2
/// cascading_deletion_test, A.3.3 resource_shape_compatibility cluster-scoped error): cluster-scoped instances,
/// an RGD whose child is another RGD's instance, and deletion cascading through both in reverse order.
/// </summary>
[Parallelizable(ParallelScope.Children)]
public sealed class TopologyScenarioTests
{
    [Test]
    public async Task Controller_ClusterScopedInstance_CreatesClusterAndNamespacedChildrenAndReadsExternalRefs()
    {
        var rgd = Of("platform", "Platform", "size: integer | default=1",
            """
            - id: settings
              externalRef:
                apiVersion: v1
                kind: ConfigMap
                metadata: {name: platform-settings, namespace: kube-system}
            - id: gadget
              template:
                apiVersion: test.kro.dev/v1
                kind: Gadget
                metadata: {name: '${schema.metadata.name}-gadget'}
                spec: {size: '${schema.spec.size}', owner: '${settings.data.owner}'}
            """ + "\n" + Widget("agent", "${schema.metadata.name}-agent", spec: "name: ${gadget.metadata.name}", metadata: "namespace: kube-system"),
            status: "gadget: ${gadget.metadata.name}", scope: "Cluster");
        await using var h = await InstanceHarness.StartAsync();
        var served = await h.ServeAsync(rgd);
        await h.CreateAsync(ConfigMaps, "{apiVersion: v1, kind: ConfigMap, metadata: {name: platform-settings, namespace: kube-system}, data: {owner: ops}}");
        await h.CreateAsync(served.Type, Instance("Platform", "prod", "{size: 3}", @namespace: null));

        var active = await h.WaitAsync(served.Type, null, "prod", i => State(i) == "ACTIVE", "the cluster-scoped instance ACTIVE");

        Assert.That(active!["status"]!["gadget"]!.GetValue<string>(), Is.EqualTo("prod-gadget"));
        var gadget = (await h.GetAsync(Gadgets, null, "prod-gadget"))!;
        Assert.That(gadget["spec"]!["owner"]!.GetValue<string>(), Is.EqualTo("ops"));
        Assert.That(gadget["metadata"]!["labels"]!.AsObject().ContainsKey(KroMetadata.InstanceNamespace), Is.False, "a cluster-scoped instance has no namespace label");
        Assert.That(await h.GetAsync(Widgets, "kube-system", "prod-agent"), Is.Not.Null);

        await h.DeleteAsync(served.Type, null, "prod");
        await h.WaitAsync(served.Type, null, "prod", i => i is null, "the instance to be gone");
        Assert.That(await h.GetAsync(Gadgets, null, "prod-gadget"), Is.Null);
        Assert.That(await h.GetAsync(Widgets, "kube-system", "prod-agent"), Is.Null);
        Assert.That(await h.GetAsync(ConfigMaps, "kube-system", "platform-settings"), Is.Not.Null, "external refs are never deleted");
    }

    [Test]
    public async Task Controller_ClusterScopedInstanceNamespacedChildWithEmptyNamespace_ErrorNamesMetadataNamespace()
    {
        var rgd = Of("nons", "NoNs", "ns: string | default=\"\"", Widget("w", "${schema.metadata.name}", metadata: "namespace: ${schema.spec.ns}"), scope: "Cluster");
        await using var h = await InstanceHarness.StartAsync();
        var served = await h.ServeAsync(rgd);
        await h.CreateAsync(served.Type, Instance("NoNs", "x", @namespace: null));

        var failed = await h.WaitAsync(served.Type, null, "x", i => State(i) == "ERROR", "the instance to be in ERROR");

        Assert.That(Condition(failed, InstanceConditions.ResourcesReady, "message"), Does.Contain("metadata.namespace"));
    }

    private static readonly string Inner = Of("inner", "Inner", "label: string | default=\"in\"",
        Widget("leaf", "${schema.metadata.name}-leaf", spec: "name: ${schema.spec.label}", extra: "readyWhen: ['${leaf.status.?ready.orValue(false)}']"),
        status: "leaf: ${leaf.metadata.name}");

    private static readonly string Outer = Of("outer", "Outer", "",
        """
        - id: inner
          readyWhen: ['${inner.status.?state.orValue("") == "ACTIVE"}']
          template:
            apiVersion: kro.run/v1alpha1
            kind: Inner
            metadata: {name: '${schema.metadata.name}-inner'}
            spec: {label: from-outer}
        """ + "\n" + Widget("after", "${schema.metadata.name}-after", spec: "name: ${inner.status.leaf}"));

    [Test]
    public async Task Controller_NestedRgdInstances_BothActiveThenCascadingDeletionRemovesEverything()
    {
        await using var h = await InstanceHarness.StartAsync();
        var inner = await h.ServeAsync(Inner);
        var outer = await h.ServeAsync(Outer);
        await h.CreateAsync(outer.Type, Instance("Outer", "app"));

        var leaf = await h.WaitAsync(Widgets, "default", "app-inner-leaf", w => w is not null, "the nested instance's own child");
        Assert.That(leaf!["spec"]!["name"]!.GetValue<string>(), Is.EqualTo("from-outer"));
        Assert.That(await h.GetAsync(Widgets, "default", "app-after"), Is.Null, "the outer graph waits for the nested instance to be ACTIVE");

        await h.PatchAsync(Widgets, "default", "app-inner-leaf", "{status: {ready: true}}");

        await h.WaitAsync(outer.Type, "default", "app", i => State(i) == "ACTIVE", "the outer instance ACTIVE after the nested one");
        Assert.That(State(await h.GetAsync(inner.Type, "default", "app-inner")), Is.EqualTo("ACTIVE"));
        Assert.That((await h.GetAsync(Widgets, "default", "app-after"))!["spec"]!["name"]!.GetValue<string>(), Is.EqualTo("app-inner-leaf"));

        await h.DeleteAsync(outer.Type, "default", "app");

        await h.WaitAsync(outer.Type, "default", "app", i => i is null, "the outer instance to be gone");
        Assert.That(await h.GetAsync(inner.Type, "default", "app-inner"), Is.Null, "the nested instance is deleted first (its finalizer ran)");
        Assert.That(await h.GetAsync(Widgets, "default", "app-inner-leaf"), Is.Null, "and its own children with it");
        Assert.That(await h.GetAsync(Widgets, "default", "app-after"), Is.Null);
    }
}
