using k8s;
using k8s.Models;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using OciOperator.Runtime.Client;
using OciOperator.Runtime.Events;
using OciOperator.Runtime.Manager;
using OciOperator.Runtime.Tests.Support;

namespace OciOperator.Runtime.Tests.Integration;

/// <summary>Owner-reference mapping and the event recorder against the Sandbox.</summary>
[NonParallelizable]
public sealed class OwnsAndEventsTests
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

    [Test]
    public async Task Record_RepeatedEvent_OneEventsV1ObjectWithSeriesCount()
    {
        var owner = await _cluster.Api.CreateAsync(SandboxCluster.Widgets, SandboxCluster.Widget("noisy", 1), CancellationToken.None);
        var recorder = new EventRecorder(_cluster.Api, "oci.oracle.com/runtime-test", "test-1", new FakeTimeProvider(DateTimeOffset.UtcNow), NullLogger<EventRecorder>.Instance);

        for (var i = 0; i < 3; i++)
        {
            await recorder.RecordAsync(owner, EventRecorder.Warning, "Failed", "Reconcile", "the thing failed", CancellationToken.None);
        }

        var events = await _cluster.Api.ListAsync<UnstructuredObject>(EventRecorder.EventsV1, new ListOptions("default"), CancellationToken.None);
        var mine = events.Items.Where(e => e["regarding"]?["name"]?.GetValue<string>() == "noisy").ToList();
        Assert.That(recorder.UsesCoreEvents, Is.False);
        Assert.That(mine, Has.Count.EqualTo(1));
        Assert.That(mine[0]["series"]?["count"]?.GetValue<int>(), Is.EqualTo(3));
        Assert.That(mine[0]["reason"]?.GetValue<string>(), Is.EqualTo("Failed"));
    }
}
