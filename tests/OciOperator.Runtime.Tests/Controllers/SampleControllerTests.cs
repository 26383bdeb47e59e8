using k8s;
using k8s.Models;
using OciOperator.Runtime.Builder;
using OciOperator.Runtime.Caching;
using OciOperator.Runtime.Controllers;
using OciOperator.Runtime.Manager;
using OciOperator.Runtime.Tests.Support;

namespace OciOperator.Runtime.Tests.Controllers;

/// <summary>A ConfigMap controller driven against the Sandbox over HTTP.</summary>
[NonParallelizable]
public sealed class SampleControllerTests
{
    private SandboxCluster _cluster = null!;
    private ControllerManager _manager = null!;

    [SetUp]
    public async Task SetUp()
    {
        _cluster = await SandboxCluster.StartAsync();
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
    public async Task Reconcile_CreateUpdateDelete_EachStateReachesReconciler()
    {
        var reconciler = await StartControllerAsync();
        var configMaps = _cluster.Client.CoreV1;

        await configMaps.CreateNamespacedConfigMapAsync(SandboxCluster.ConfigMap("a", "1"), "default");
        await Eventually.WaitAsync(() => reconciler.Seen.GetValueOrDefault("default/a") == "1", "create reconciled");
        await configMaps.PatchNamespacedConfigMapAsync(new V1Patch("{\"data\":{\"v\":\"2\"}}", V1Patch.PatchType.MergePatch), "a", "default");
        await Eventually.WaitAsync(() => reconciler.Seen.GetValueOrDefault("default/a") == "2", "update reconciled");
        await configMaps.DeleteNamespacedConfigMapAsync("a", "default");
        await Eventually.WaitAsync(() => reconciler.Seen.GetValueOrDefault("default/a") == ConfigMapValueReconciler.Gone, "delete reconciled");

        Assert.That(reconciler.Total, Is.GreaterThanOrEqualTo(3));
    }

    [Test]
    public async Task Reconcile_ThousandRapidUpdates_FarFewerReconcilesAndLastStateSeen()
    {
        var reconciler = await StartControllerAsync(work: TimeSpan.FromMilliseconds(20));
        var configMaps = _cluster.Client.CoreV1;
        await configMaps.CreateNamespacedConfigMapAsync(SandboxCluster.ConfigMap("hot", "0"), "default");

        for (var i = 1; i <= 1000; i++)
        {
            await configMaps.PatchNamespacedConfigMapAsync(new V1Patch($"{{\"data\":{{\"v\":\"{i}\"}}}}", V1Patch.PatchType.MergePatch), "hot", "default");
        }

        await Eventually.WaitAsync(() => reconciler.Seen.GetValueOrDefault("default/hot") == "1000", "last state reconciled");

        Assert.That(reconciler.Total, Is.LessThan(500), "updates should be coalesced while a reconcile runs");
    }

    [Test]
    public async Task Reconcile_ConcurrentUpdatesOfManyKeys_NoKeyReconciledConcurrently()
    {
        var reconciler = await StartControllerAsync(work: TimeSpan.FromMilliseconds(5), workers: 4);
        var configMaps = _cluster.Client.CoreV1;
        var names = Enumerable.Range(0, 6).Select(i => $"k{i}").ToList();
        foreach (var name in names)
        {
            await configMaps.CreateNamespacedConfigMapAsync(SandboxCluster.ConfigMap(name, "0"), "default");
        }

        await Task.WhenAll(names.Select(async name =>
        {
            for (var i = 1; i <= 40; i++)
            {
                await configMaps.PatchNamespacedConfigMapAsync(new V1Patch($"{{\"data\":{{\"v\":\"{i}\"}}}}", V1Patch.PatchType.MergePatch), name, "default");
            }
        }));

        await Eventually.WaitAsync(() => names.All(n => reconciler.Seen.GetValueOrDefault($"default/{n}") == "40"), "every key at its last state");

        Assert.That(reconciler.Overlaps, Is.Zero);
        Assert.That(reconciler.MaxRunning, Is.GreaterThan(1), "the workers should have run in parallel");
        Assert.That(reconciler.MaxRunning, Is.LessThanOrEqualTo(4));
    }

    [Test]
    public async Task Reconcile_WatchesClosedEverySecondAndHistoryCompacted_NoFinalStateMissed()
    {
        var reconciler = await StartControllerAsync();
        _cluster.Server.Faults.CloseWatchesEvery = TimeSpan.FromSeconds(1);
        var configMaps = _cluster.Client.CoreV1;
        var names = Enumerable.Range(0, 8).Select(i => $"c{i}").ToList();
        foreach (var name in names)
        {
            await configMaps.CreateNamespacedConfigMapAsync(SandboxCluster.ConfigMap(name, "0"), "default");
        }

        // Latency on every request (the informer's re-watch included) leaves a window in which compaction
        // overtakes the informer's resourceVersion, so resumes get 410 Expired and must relist.
        _cluster.Server.Faults.Latency = TimeSpan.FromMilliseconds(50);
        for (var round = 1; round <= 30; round++)
        {
            await Task.WhenAll(names.Select(name =>
                configMaps.PatchNamespacedConfigMapAsync(new V1Patch($"{{\"data\":{{\"v\":\"{round}\"}}}}", V1Patch.PatchType.MergePatch), name, "default")));
            _cluster.Server.Faults.CompactHistory();
        }

        await configMaps.DeleteNamespacedConfigMapAsync("c0", "default");
        _cluster.Server.Faults.CompactHistory();

        await Eventually.WaitAsync(
            () => reconciler.Seen.GetValueOrDefault("default/c0") == ConfigMapValueReconciler.Gone
                  && names.Skip(1).All(n => reconciler.Seen.GetValueOrDefault($"default/{n}") == "30"),
            "every final state (including the deletion) reconciled",
            TimeSpan.FromSeconds(30));
    }

    [Test]
    public async Task Reconcile_RepeatedFailures_BackoffGrowsAndResetsOnSuccess()
    {
        var failuresLeft = 4;
        var observed = new System.Collections.Concurrent.ConcurrentQueue<(int Requeues, TimeSpan At)>();
        var clock = System.Diagnostics.Stopwatch.StartNew();
        OciOperator.Runtime.Controllers.Controller? controller = null;
        var reconciler = new RecordingReconciler((request, _, _) =>
        {
            observed.Enqueue((controller!.Queue.NumRequeues(request), clock.Elapsed));
            return Interlocked.Decrement(ref failuresLeft) >= 0
                ? throw new InvalidOperationException("simulated failure")
                : Task.FromResult(OciOperator.Runtime.Reconciliation.ReconcileResult.Done);
        });
        controller = _manager.NewController<V1ConfigMap>("flaky", SandboxCluster.ConfigMaps).Complete(reconciler);
        await _manager.StartAsync(CancellationToken.None);
        await _cluster.Client.CoreV1.CreateNamespacedConfigMapAsync(SandboxCluster.ConfigMap("f", "1"), "default");
        await Eventually.WaitAsync(() => observed.Count == 5, "four failures then a success");
        await Eventually.WaitAsync(() => controller.Queue.NumRequeues(new("default", "f")) == 0, "forgotten after success");

        Interlocked.Exchange(ref failuresLeft, 1);
        await _cluster.Client.CoreV1.PatchNamespacedConfigMapAsync(new V1Patch("{\"data\":{\"v\":\"2\"}}", V1Patch.PatchType.MergePatch), "f", "default");
        await Eventually.WaitAsync(() => observed.Count == 7, "one more failure then a success");

        var calls = observed.ToArray();
        var gaps = calls.Zip(calls.Skip(1), (a, b) => b.At - a.At).Take(4).ToArray();
        Assert.That(calls.Select(c => c.Requeues), Is.EqualTo(new[] { 0, 1, 2, 3, 4, 0, 1 }));
        for (var i = 0; i < gaps.Length; i++)
        {
            Assert.That(gaps[i], Is.GreaterThanOrEqualTo(TimeSpan.FromMilliseconds(5 * Math.Pow(2, i)) - TimeSpan.FromMilliseconds(1)), $"retry {i + 1} waited its backoff");
        }
    }

    private async Task<ConfigMapValueReconciler> StartControllerAsync(TimeSpan work = default, int workers = 1)
    {
        Informer<V1ConfigMap>? informer = null;
        var reconciler = new ConfigMapValueReconciler(() => informer!, work);
        informer = _manager.Cache.GetInformer<V1ConfigMap>(SandboxCluster.ConfigMaps);
        _manager.NewController<V1ConfigMap>("configmaps", SandboxCluster.ConfigMaps)
            .WithOptions(new ControllerOptions { MaxConcurrentReconciles = workers })
            .Complete(reconciler);
        await _manager.StartAsync(CancellationToken.None);
        await _manager.Cache.WaitForCacheSyncAsync(CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(20));
        return reconciler;
    }
}
