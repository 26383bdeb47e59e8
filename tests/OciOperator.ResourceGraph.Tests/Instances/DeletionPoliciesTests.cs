using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging.Abstractions;
using OciOperator.ResourceGraph.Instances;
using OciOperator.ResourceGraph.Tests.Support;
using OciOperator.Sandbox.Kube.Serialization;

namespace OciOperator.ResourceGraph.Tests.Instances;

/// <summary>Removing a child as its <c>internal.kro.run/deletion-policy</c> says, against the Sandbox over HTTP.</summary>
[TestFixture]
[Parallelizable(ParallelScope.Children)]
public sealed class DeletionPoliciesTests
{
    [Test]
    public async Task RemoveAsync_Orphaned_ReleasedWithDataKeptAndOwnershipDropped()
    {
        await using var harness = await InstanceHarness.StartAsync();
        var applied = await ApplyChildAsync(harness, "Orphaned");

        var outcome = await DeletionPolicies.RemoveAsync(harness.Api, InstanceHarness.ConfigMaps, applied, NullLogger.Instance, CancellationToken.None);

        Assert.That(outcome, Is.EqualTo(ChildRemoval.Released));
        var released = await harness.GetAsync(InstanceHarness.ConfigMaps, "default", "kept");
        Assert.That(released, Is.Not.Null, "an Orphaned child stays");
        Assert.That(JsonText.Canonical(released!["data"]), Is.EqualTo(JsonText.Of("{a: '1'}")));
        Assert.That(JsonText.Canonical(released["metadata"]!["labels"]), Is.EqualTo(JsonText.Of("{team: web}")), "only the template's own labels stay");
        Assert.That(JsonText.Canonical(released["metadata"]!["annotations"]), Is.EqualTo(JsonText.Of("{note: hi}")), "only the template's own annotations stay");
        var managers = (released["metadata"]!["managedFields"] as JsonArray ?? []).Select(f => f!["manager"]!.GetValue<string>());
        Assert.That(managers, Does.Not.Contain(KroMetadata.FieldManager));
    }

    [TestCase("Delete")]
    [TestCase(null)]
    public async Task RemoveAsync_DeleteOrUnset_Deleted(string? policy)
    {
        await using var harness = await InstanceHarness.StartAsync();
        var applied = await ApplyChildAsync(harness, policy);

        var outcome = await DeletionPolicies.RemoveAsync(harness.Api, InstanceHarness.ConfigMaps, applied, NullLogger.Instance, CancellationToken.None);

        Assert.That(outcome, Is.EqualTo(ChildRemoval.Deleted));
        Assert.That(await harness.GetAsync(InstanceHarness.ConfigMaps, "default", "kept"), Is.Null);
    }

    private static async Task<JsonObject> ApplyChildAsync(InstanceHarness harness, string? policy)
    {
        var annotations = policy is null ? "{note: hi, internal.kro.run/apply-order: '0'}" : $"{{note: hi, internal.kro.run/apply-order: '0', internal.kro.run/deletion-policy: {policy}}}";
        var obj = YamlToJson.Parse($$"""
            apiVersion: v1
            kind: ConfigMap
            metadata:
              name: kept
              namespace: default
              labels: {team: web, kro.run/owned: "true", kro.run/node-id: kept, kro.run/instance-id: u1, app.kubernetes.io/managed-by: kro, applyset.kubernetes.io/part-of: applyset-x-v1}
              annotations: {{annotations}}
            data: {a: "1"}
            """)!.AsObject();
        return await harness.Api.ApplyAsync(InstanceHarness.ConfigMaps, obj, CancellationToken.None);
    }
}
