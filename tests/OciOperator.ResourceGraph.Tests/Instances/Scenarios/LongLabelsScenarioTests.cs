using System.Text.Json.Nodes;
using OciOperator.ResourceGraph.Instances;
using OciOperator.ResourceGraph.Tests.Support;
using static OciOperator.ResourceGraph.Tests.Support.InstanceHarness;

namespace OciOperator.ResourceGraph.Tests.Instances.Scenarios;

/// <summary>
/// kro v0.10's long identity values: an instance name, an API group and a node id longer than 63 characters (what a
/// label value may hold) are stamped as <c>h-</c> hashes with the full values in <c>internal.kro.run/</c> annotations,
/// and everything that finds children by those labels still works — drift of a child reconciles its instance, and
/// deleting the instance deletes the child.
/// </summary>
[Parallelizable(ParallelScope.Children)]
public sealed class LongLabelsScenarioTests
{
    private const string Group = "a-rather-long-api-group-for-platform-tenants.infrastructure.example.com";
    private static readonly string NodeId = "tenantConfiguration" + new string('x', 50);
    private static readonly string InstanceName = "tenant-" + new string('n', 60);

    private static readonly string Rgd = $$"""
        apiVersion: kro.run/v1alpha1
        kind: ResourceGraphDefinition
        metadata: {name: tenants}
        spec:
          schema:
            apiVersion: v1alpha1
            kind: Tenant
            group: {{Group}}
            spec: {size: string | default="s"}
          resources:
            - id: {{NodeId}}
              template:
                apiVersion: test.kro.dev/v1
                kind: Widget
                metadata: {name: '${schema.metadata.name}-cfg'}
                spec: {name: '${schema.spec.size}'}
        """;

    [Test]
    public async Task Controller_LongNameGroupAndNodeId_HashedLabelsStillMapChildToInstance()
    {
        Assert.That(new[] { Group.Length, NodeId.Length, InstanceName.Length }, Has.All.GreaterThan(63), "the case is about values too long for a label");
        await using var h = await InstanceHarness.StartAsync();
        var served = await h.ServeAsync(Rgd);
        await h.CreateAsync(served.Type, $"apiVersion: {Group}/v1alpha1\nkind: Tenant\nmetadata: {{name: {InstanceName}, namespace: default}}\nspec: {{}}");
        var childName = InstanceName + "-cfg";

        var child = await h.WaitAsync(Widgets, "default", childName, w => w is not null, "the child to be created");
        var labels = child!["metadata"]!["labels"]!;
        var annotations = child["metadata"]!["annotations"]!;
        Assert.That(labels[KroMetadata.InstanceName]!.GetValue<string>(), Does.Match("^h-[0-9a-f]{40}$").And.EqualTo(ManagedLabels.LabelValue(InstanceName)));
        Assert.That(labels[KroMetadata.InstanceGroup]!.GetValue<string>(), Does.Match("^h-[0-9a-f]{40}$"));
        Assert.That(labels[KroMetadata.NodeId]!.GetValue<string>(), Does.Match("^h-[0-9a-f]{40}$"));
        Assert.That(annotations[ManagedLabels.InstanceNameAnnotation]!.GetValue<string>(), Is.EqualTo(InstanceName));
        Assert.That(annotations[ManagedLabels.InstanceGroupAnnotation]!.GetValue<string>(), Is.EqualTo(Group));
        Assert.That(annotations[ManagedLabels.NodePathAnnotation]!.GetValue<string>(), Is.EqualTo(NodeId));
        await h.WaitAsync(served.Type, "default", InstanceName, i => State(i) == "ACTIVE", "ACTIVE");

        await h.PatchAsync(Widgets, "default", childName, "{spec: {name: drifted}}");

        await h.WaitAsync(Widgets, "default", childName, w => w?["spec"]?["name"]?.GetValue<string>() == "s",
            "the child's event to reach its instance through the hashed labels, and the drift to be corrected");

        await h.DeleteAsync(served.Type, "default", InstanceName);

        await h.WaitAsync(served.Type, "default", InstanceName, i => i is null, "the instance to be gone");
        Assert.That(await h.GetAsync(Widgets, "default", childName), Is.Null, "the child is found by its hashed node-id label and deleted");
    }
}
