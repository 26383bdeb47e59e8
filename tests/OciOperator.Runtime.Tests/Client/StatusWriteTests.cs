using OciOperator.Runtime.Builder;
using OciOperator.Runtime.Caching;
using OciOperator.Runtime.Client;
using OciOperator.Runtime.Manager;
using OciOperator.Runtime.Tests.Support;

namespace OciOperator.Runtime.Tests.Client;

/// <summary>Status writes through /status against the Sandbox, with injected write conflicts.</summary>
[NonParallelizable]
public sealed class StatusWriteTests
{
    private SandboxCluster _cluster = null!;
    private ControllerManager _manager = null!;

    [SetUp]
    public async Task SetUp()
    {
        _cluster = await SandboxCluster.StartAsync();
        await _cluster.CreateWidgetCrdAsync();
        _manager = _cluster.NewManager();
    }

    [TearDown]
    public async Task TearDown()
    {
        await _manager.StopAsync(CancellationToken.None);
        _manager.Dispose();
        await _cluster.DisposeAsync();
    }

    [Test]
    public async Task Reconcile_TwentyPercentWriteConflicts_StatusEventuallyWritten()
    {
        Informer<UnstructuredObject>? informer = null;
        var reconciler = new WidgetStatusReconciler(() => informer!, new StatusWriter(_manager.Api));
        informer = _manager.Cache.GetInformer<UnstructuredObject>(SandboxCluster.Widgets);
        _manager.NewController<UnstructuredObject>("widgets", SandboxCluster.Widgets).Complete(reconciler);
        await _manager.StartAsync(CancellationToken.None);
        var names = Enumerable.Range(0, 10).Select(i => $"w{i}").ToList();
        foreach (var name in names)
        {
            await _cluster.Api.CreateAsync(SandboxCluster.Widgets, SandboxCluster.Widget(name, 7), CancellationToken.None);
        }

        _cluster.Server.Faults.WriteConflictRatio = 0.2;
        foreach (var name in names)
        {
            await WithRetryOnConflictAsync(() => _cluster.Api.PatchAsync<UnstructuredObject>(
                SandboxCluster.Widgets, "default", name, PatchKind.Merge, "{\"spec\":{\"value\":42}}", status: false, CancellationToken.None));
        }

        await Eventually.WaitAsync(
            async () =>
            {
                var list = await _cluster.Api.ListAsync<UnstructuredObject>(SandboxCluster.Widgets, new ListOptions("default"), CancellationToken.None);
                return list.Items.Count == names.Count && list.Items.All(w => w["status"]?["observed"]?.GetValue<long>() == 42);
            },
            "every widget's status.observed is 42",
            TimeSpan.FromSeconds(30));
    }

    [Test]
    public async Task UpdateStatus_Unchanged_DoesNotWrite()
    {
        var created = await _cluster.Api.CreateAsync(SandboxCluster.Widgets, SandboxCluster.Widget("same", 1), CancellationToken.None);
        var writer = new StatusWriter(_cluster.Api);
        var (first, written) = await writer.UpdateStatusAsync(SandboxCluster.Widgets, created, w => w["status"] = new System.Text.Json.Nodes.JsonObject { ["observed"] = 1 }, CancellationToken.None);

        var (second, writtenAgain) = await writer.UpdateStatusAsync(SandboxCluster.Widgets, first, w => w["status"] = new System.Text.Json.Nodes.JsonObject { ["observed"] = 1 }, CancellationToken.None);

        Assert.That(written, Is.True);
        Assert.That(writtenAgain, Is.False);
        Assert.That(second.Metadata.ResourceVersion, Is.EqualTo(first.Metadata.ResourceVersion));
    }

    [Test]
    public async Task Finalizers_AddThenRemoveWithConflicts_KeepsOtherFinalizers()
    {
        var widget = SandboxCluster.Widget("fin", 1);
        widget.Metadata.Finalizers = ["other.example/keep"];
        var created = await _cluster.Api.CreateAsync(SandboxCluster.Widgets, widget, CancellationToken.None);
        var finalizers = new Finalizers(_cluster.Api);
        _cluster.Server.Faults.WriteConflictRatio = 0.3;

        var added = await finalizers.AddAsync(SandboxCluster.Widgets, created, "runtime.test/cleanup", CancellationToken.None);
        _cluster.Server.Faults.WriteConflictRatio = 0;
        var changedMeanwhile = await _cluster.Api.PatchAsync<UnstructuredObject>(
            SandboxCluster.Widgets, "default", "fin", PatchKind.Merge, "{\"metadata\":{\"finalizers\":[\"other.example/keep\",\"runtime.test/cleanup\",\"late.example/x\"]}}", status: false, CancellationToken.None);
        _cluster.Server.Faults.WriteConflictRatio = 0.3;

        // "added" is now stale: its resourceVersion no longer matches, so the patch conflicts, is re-read and re-applied.
        var removed = await finalizers.RemoveAsync(SandboxCluster.Widgets, added, "runtime.test/cleanup", CancellationToken.None);

        Assert.That(changedMeanwhile.Metadata.ResourceVersion, Is.Not.EqualTo(added.Metadata.ResourceVersion));
        Assert.That(added.Metadata.Finalizers, Is.EquivalentTo(new[] { "other.example/keep", "runtime.test/cleanup" }));
        Assert.That(removed.Metadata.Finalizers, Is.EquivalentTo(new[] { "other.example/keep", "late.example/x" }));
    }

    private static async Task WithRetryOnConflictAsync(Func<Task> write)
    {
        for (var attempt = 0; ; attempt++)
        {
            try
            {
                await write();
                return;
            }
            catch (KubeApiException ex) when (ex.IsConflict && attempt < 50)
            {
            }
        }
    }
}
