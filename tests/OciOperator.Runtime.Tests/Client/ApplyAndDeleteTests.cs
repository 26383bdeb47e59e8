using System.Text.Json.Nodes;
using k8s;
using k8s.Models;
using OciOperator.Runtime.Client;
using OciOperator.Runtime.Tests.Support;

namespace OciOperator.Runtime.Tests.Client;

/// <summary>Server-side apply and deletes with preconditions and propagation, for unstructured objects, against the Sandbox.</summary>
[NonParallelizable]
public sealed class ApplyAndDeleteTests
{
    private SandboxCluster _cluster = null!;

    [SetUp]
    public async Task SetUp() => _cluster = await SandboxCluster.StartAsync();

    [TearDown]
    public async Task TearDown() => await _cluster.DisposeAsync();

    public static IEnumerable<TestCaseData> Propagations()
    {
        yield return new TestCaseData(DeletePropagation.Background, false).SetName("Delete_Background_DependentsAreCollected");
        yield return new TestCaseData(DeletePropagation.Foreground, false).SetName("Delete_Foreground_DependentsAreCollected");
        yield return new TestCaseData(DeletePropagation.Orphan, true).SetName("Delete_Orphan_DependentsStayWithoutTheOwner");
    }

    [Test]
    public async Task Apply_SecondManagerSameField_ConflictsWithoutForceAndTakesOverWithForce()
    {
        await _cluster.Api.ApplyAsync(SandboxCluster.ConfigMaps, ConfigMap("shared", "a", "1"), new ApplyOptions("first", Force: false), CancellationToken.None);

        var conflict = await Assert.ThrowsAsync<KubeApiException>(() =>
            _cluster.Api.ApplyAsync(SandboxCluster.ConfigMaps, ConfigMap("shared", "a", "2"), new ApplyOptions("second", Force: false), CancellationToken.None));
        var forced = await _cluster.Api.ApplyAsync(SandboxCluster.ConfigMaps, ConfigMap("shared", "a", "2"), new ApplyOptions("second"), CancellationToken.None);

        Assert.That(conflict!.IsConflict, Is.True);
        Assert.That(forced["data"]?["a"]?.GetValue<string>(), Is.EqualTo("2"));
        Assert.That(forced.Metadata.ManagedFields?.Select(f => f.Manager), Does.Contain("second"));
    }

    [Test]
    public async Task Apply_CustomResourceTwice_UpdatesItsFieldsAndKeepsOtherWritersFields()
    {
        await _cluster.CreateWidgetCrdAsync();
        var engine = new ApplyOptions("kro.run/applyset");
        var created = await _cluster.Api.ApplyAsync(SandboxCluster.Widgets, SandboxCluster.Widget("w", 1), engine, CancellationToken.None);
        await _cluster.Api.PatchAsync<UnstructuredObject>(SandboxCluster.Widgets, "default", "w", PatchKind.Merge, """{"metadata":{"labels":{"team":"db"}}}""", status: false, CancellationToken.None);

        var updated = await _cluster.Api.ApplyAsync(SandboxCluster.Widgets, SandboxCluster.Widget("w", 2), engine, CancellationToken.None);

        Assert.That(created.Metadata.Uid, Is.Not.Empty);
        Assert.That(updated.Metadata.Uid, Is.EqualTo(created.Metadata.Uid));
        Assert.That(updated["spec"]?["value"]?.GetValue<long>(), Is.EqualTo(2));
        Assert.That(updated.Metadata.Labels?["team"], Is.EqualTo("db"), "fields the engine does not own are kept");
    }

    [Test]
    public async Task Delete_UidOfAnEarlierIncarnation_ConflictsAndKeepsTheNewObject()
    {
        var first = await _cluster.Client.CoreV1.CreateNamespacedConfigMapAsync(SandboxCluster.ConfigMap("reused", "1"), "default");
        await _cluster.Client.CoreV1.DeleteNamespacedConfigMapAsync("reused", "default");
        var second = await _cluster.Client.CoreV1.CreateNamespacedConfigMapAsync(SandboxCluster.ConfigMap("reused", "2"), "default");

        var stale = await Assert.ThrowsAsync<KubeApiException>(() =>
            _cluster.Api.DeleteAsync(SandboxCluster.ConfigMaps, "default", "reused", new DeleteOptions(Uid: first.Metadata.Uid), CancellationToken.None));
        var survivor = await _cluster.Api.GetAsync<V1ConfigMap>(SandboxCluster.ConfigMaps, "default", "reused", CancellationToken.None);
        var deleted = await _cluster.Api.DeleteAsync(SandboxCluster.ConfigMaps, "default", "reused", new DeleteOptions(Uid: second.Metadata.Uid), CancellationToken.None);
        var again = await _cluster.Api.DeleteAsync(SandboxCluster.ConfigMaps, "default", "reused", new DeleteOptions(Uid: second.Metadata.Uid), CancellationToken.None);

        Assert.That(stale!.IsConflict, Is.True);
        Assert.That(survivor?.Data["v"], Is.EqualTo("2"));
        Assert.That(deleted, Is.True);
        Assert.That(again, Is.False, "already gone");
    }

    [TestCaseSource(nameof(Propagations))]
    public async Task Delete_WithPropagation_DependentsFollowThePolicy(DeletePropagation propagation, bool dependentStays)
    {
        var owner = await _cluster.Client.CoreV1.CreateNamespacedConfigMapAsync(SandboxCluster.ConfigMap("owner", "1"), "default");
        var child = SandboxCluster.ConfigMap("child", "1");
        OwnerReferences.SetController(child, owner);
        await _cluster.Client.CoreV1.CreateNamespacedConfigMapAsync(child, "default");

        await _cluster.Api.DeleteAsync(SandboxCluster.ConfigMaps, "default", "owner", new DeleteOptions(propagation), CancellationToken.None);
        await Eventually.WaitAsync(async () => await _cluster.Api.GetAsync<V1ConfigMap>(SandboxCluster.ConfigMaps, "default", "owner", CancellationToken.None) is null, "the owner is gone");
        V1ConfigMap? remaining = null;
        await Eventually.WaitAsync(
            async () =>
            {
                remaining = await _cluster.Api.GetAsync<V1ConfigMap>(SandboxCluster.ConfigMaps, "default", "child", CancellationToken.None);
                return dependentStays ? remaining?.Metadata.OwnerReferences is null or { Count: 0 } : remaining is null;
            },
            "the dependent follows the policy");

        Assert.That(remaining is not null, Is.EqualTo(dependentStays));
    }

    private static UnstructuredObject ConfigMap(string name, string key, string value) =>
        new(new JsonObject
        {
            ["apiVersion"] = "v1",
            ["kind"] = "ConfigMap",
            ["metadata"] = new JsonObject { ["name"] = name, ["namespace"] = "default" },
            ["data"] = new JsonObject { [key] = value },
        });
}
