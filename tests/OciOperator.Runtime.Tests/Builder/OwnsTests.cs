using k8s;
using k8s.Models;
using OciOperator.Runtime.Builder;
using OciOperator.Runtime.Client;
using OciOperator.Runtime.Tests.Support;

namespace OciOperator.Runtime.Tests.Builder;

/// <summary>Owner-reference mapping (<c>Owns</c>) against the Sandbox.</summary>
[NonParallelizable]
public sealed class OwnsTests
{
    private SandboxCluster _cluster = null!;

    [SetUp]
    public async Task SetUp()
    {
        _cluster = await SandboxCluster.StartAsync();
        await _cluster.CreateWidgetCrdAsync();
    }

    [TearDown]
    public async Task TearDown() => await _cluster.DisposeAsync();

    [Test]
    public async Task Owns_OwnedConfigMapChanges_ReconcilesControllingOwner()
    {
        using var manager = _cluster.NewManager();
        var reconciler = new RecordingReconciler();
        manager.NewController<UnstructuredObject>("widget-owner", SandboxCluster.Widgets)
            .Owns<V1ConfigMap>(SandboxCluster.ConfigMaps)
            .Complete(reconciler);
        await manager.StartAsync(CancellationToken.None);
        var owner = await _cluster.Api.CreateAsync(SandboxCluster.Widgets, SandboxCluster.Widget("parent", 1), CancellationToken.None);
        await Eventually.WaitAsync(() => reconciler.Total >= 1, "owner reconciled on create");
        var child = SandboxCluster.ConfigMap("child", "1");
        OwnerReferences.SetController(child, owner);
        var unowned = SandboxCluster.ConfigMap("stranger", "1");

        var before = reconciler.CallsFor(new("default", "parent", SandboxCluster.Widgets));
        await _cluster.Client.CoreV1.CreateNamespacedConfigMapAsync(unowned, "default");
        await _cluster.Client.CoreV1.CreateNamespacedConfigMapAsync(child, "default");
        await Eventually.WaitAsync(() => reconciler.CallsFor(new("default", "parent", SandboxCluster.Widgets)) > before, "owner reconciled for its child");
        await manager.StopAsync(CancellationToken.None);

        Assert.That(reconciler.Calls.Select(c => c.Name).Distinct(), Is.EquivalentTo(new[] { "parent" }));
        Assert.That(child.Metadata.OwnerReferences.Single().Controller, Is.True);
    }
}
