using System.Diagnostics;
using System.Text.Json.Nodes;
using k8s;
using k8s.Models;
using OciOperator.Runtime.Builder;
using OciOperator.Runtime.Caching;
using OciOperator.Runtime.Controllers;
using OciOperator.Runtime.Manager;
using OciOperator.Runtime.Reconciliation;
using OciOperator.Runtime.Tests.Support;

namespace OciOperator.Runtime.Tests.Manager;

/// <summary>A dead manager must not look alive, and a stopping one lets in-flight work finish (bounded).</summary>
[NonParallelizable]
public sealed class ManagerLifetimeTests
{
    private SandboxCluster _cluster = null!;

    [SetUp]
    public async Task SetUp() => _cluster = await SandboxCluster.StartAsync();

    [TearDown]
    public async Task TearDown() => await _cluster.DisposeAsync();

    [Test]
    public async Task Start_CachesCannotSync_FailsAfterCacheSyncTimeoutAndIsNeverHealthy()
    {
        // No Gadget CRD: its list is 404 for ever.
        using var manager = _cluster.NewManager(new ControllerRuntimeOptions { CacheSyncTimeout = TimeSpan.FromSeconds(1) });
        manager.NewController<Gadget>("gadgets", SandboxCluster.Gadgets).Complete(new RecordingReconciler());
        var healthy = false;
        var clock = Stopwatch.StartNew();

        await manager.StartAsync(CancellationToken.None);
        while (!manager.ExecuteTask!.IsCompleted && clock.Elapsed < TimeSpan.FromSeconds(20))
        {
            healthy |= manager.IsHealthy;
            await Task.Delay(10);
        }

        Assert.That(manager.ExecuteTask.IsFaulted, Is.True, "the manager ended with an error");
        Assert.That(clock.Elapsed, Is.LessThan(TimeSpan.FromSeconds(10)));
        Assert.That(healthy, Is.False, "never healthy");
        Assert.That(manager.Failure, Is.InstanceOf<TimeoutException>());
        Assert.That(manager.Failure!.Message, Does.Contain("gadgets.v1.test.oci.example"));
        Assert.That(manager.NotRunningReason, Does.StartWith("manager failed"));
        Assert.That(async () => await manager.WaitUntilRunningAsync(CancellationToken.None), Throws.InstanceOf<TimeoutException>());
    }

    [Test]
    public async Task Run_RunnableFails_ManagerEndsWithItsErrorAndIsNotHealthy()
    {
        using var manager = _cluster.NewManager();
        using var fail = new SemaphoreSlim(0);
        manager.Add(new FailingRunnable(fail));
        await manager.StartAsync(CancellationToken.None);
        await manager.WaitUntilRunningAsync(CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(20));
        var healthyWhileRunning = manager.IsHealthy;

        fail.Release();
        await Eventually.WaitAsync(() => manager.ExecuteTask!.IsCompleted, "the manager ends");

        Assert.That(healthyWhileRunning, Is.True);
        Assert.That(manager.IsHealthy, Is.False);
        Assert.That(manager.Failure?.InnerException?.Message, Is.EqualTo("runnable broke"));
    }

    [Test]
    public async Task Run_InformerStopsForGood_ManagerEndsWithItAndIsNotHealthy()
    {
        var api = new Caching.ScriptedKubeApi { ListItems = [SandboxCluster.ConfigMap("a", "1")] };
        var cache = new InformerCache(api, TimeProvider.System, Microsoft.Extensions.Logging.Abstractions.NullLoggerFactory.Instance);
        using var manager = new ControllerManager(api, cache, new ControllerRuntimeOptions(), TimeProvider.System, Microsoft.Extensions.Logging.Abstractions.NullLoggerFactory.Instance, new Metrics.RuntimeMetrics());
        manager.NewController<V1ConfigMap>("configmaps", SandboxCluster.ConfigMaps).Complete(new RecordingReconciler());
        await manager.StartAsync(CancellationToken.None);
        await manager.WaitUntilRunningAsync(CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(20));

        // The next list (after an expired watch) throws what the informer does not survive.
        api.NextListFailure = new OutOfMemoryException();
        api.Push(WatchEventType.Error, null, string.Empty, new V1Status { Code = 410, Reason = "Expired" });
        await Eventually.WaitAsync(() => manager.ExecuteTask!.IsCompleted, "the manager ends");

        Assert.That(manager.Failure, Is.InstanceOf<InformerStoppedException>());
        Assert.That(manager.IsHealthy, Is.False);
        Assert.That(manager.NotRunningReason, Does.Contain("configmaps.v1").And.Contain("cannot recover"));
    }

    [Test]
    public async Task Run_UndecodableObjectsFirst_LaterObjectsStillReconciledAndManagerReady()
    {
        await _cluster.CreateGadgetCrdAsync();
        await _cluster.Api.CreateAsync(SandboxCluster.Gadgets, SandboxCluster.Gadget("overflow", JsonValue.Create(2147483648L)), CancellationToken.None);
        await _cluster.Api.CreateAsync(SandboxCluster.Gadgets, SandboxCluster.Gadget("timestamp", JsonValue.Create(1)), CancellationToken.None);
        await _cluster.Api.PatchAsync<OciOperator.Runtime.Client.UnstructuredObject>(
            SandboxCluster.Gadgets, "default", "timestamp", OciOperator.Runtime.Client.PatchKind.Merge, """{"status":{"observedAt":"2030-01-01t00:00:00Z"}}""", status: true, CancellationToken.None);
        using var manager = _cluster.NewManager();
        var reconciler = new RecordingReconciler();
        manager.NewController<Gadget>("gadgets", SandboxCluster.Gadgets).Complete(reconciler);
        await manager.StartAsync(CancellationToken.None);
        await manager.WaitUntilRunningAsync(CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(20));

        await _cluster.Api.CreateAsync(SandboxCluster.Gadgets, SandboxCluster.Gadget("good", JsonValue.Create(3)), CancellationToken.None);
        await Eventually.WaitAsync(() => reconciler.CallsFor(new("default", "good")) > 0, "the object created after the bad ones is reconciled");
        var ready = manager.IsReady;
        await manager.StopAsync(CancellationToken.None);

        Assert.That(ready, Is.True);
        Assert.That(reconciler.Calls.Select(c => c.Name), Does.Not.Contain("overflow").And.Not.Contain("timestamp"));
    }

    [Test]
    public async Task Stop_ReconcileInFlight_FinishesWithAnUncancelledToken()
    {
        using var started = new SemaphoreSlim(0);
        var finished = new TaskCompletionSource<bool>(TaskCreationOptions.RunContinuationsAsynchronously);
        var reconciler = new RecordingReconciler(async (_, _, ct) =>
        {
            started.Release();
            await Task.Delay(TimeSpan.FromMilliseconds(500), CancellationToken.None);
            finished.TrySetResult(ct.IsCancellationRequested);
            return ReconcileResult.Done;
        });
        using var manager = await StartConfigMapControllerAsync(reconciler, TimeSpan.FromSeconds(10));

        await started.WaitAsync(TimeSpan.FromSeconds(20));
        await manager.StopAsync(CancellationToken.None);

        Assert.That(finished.Task.IsCompleted, Is.True, "stop waited for the reconcile");
        Assert.That(await finished.Task, Is.False, "the reconcile's token was not cancelled within the grace period");
    }

    [Test]
    public async Task Stop_ReconcileOutlastsGracePeriod_IsCancelledAndStopReturns()
    {
        using var started = new SemaphoreSlim(0);
        var cancelled = false;
        var reconciler = new RecordingReconciler(async (_, _, ct) =>
        {
            started.Release();
            try
            {
                await Task.Delay(Timeout.InfiniteTimeSpan, ct);
            }
            catch (OperationCanceledException)
            {
                cancelled = true;
                throw;
            }

            return ReconcileResult.Done;
        });
        using var manager = await StartConfigMapControllerAsync(reconciler, TimeSpan.FromMilliseconds(300));
        await started.WaitAsync(TimeSpan.FromSeconds(20));

        var clock = Stopwatch.StartNew();
        await manager.StopAsync(CancellationToken.None);

        Assert.That(cancelled, Is.True);
        Assert.That(clock.Elapsed, Is.LessThan(TimeSpan.FromSeconds(5)), "bounded by the grace period");
    }

    private async Task<ControllerManager> StartConfigMapControllerAsync(IReconciler reconciler, TimeSpan grace)
    {
        var manager = _cluster.NewManager(new ControllerRuntimeOptions { GracefulShutdownTimeout = grace });
        manager.NewController<V1ConfigMap>("configmaps", SandboxCluster.ConfigMaps)
            .WithOptions(new ControllerOptions())
            .Complete(reconciler);
        await manager.StartAsync(CancellationToken.None);
        await manager.WaitUntilRunningAsync(CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(20));
        await _cluster.Client.CoreV1.CreateNamespacedConfigMapAsync(SandboxCluster.ConfigMap("busy", "1"), "default");
        return manager;
    }

    private sealed class FailingRunnable(SemaphoreSlim fail) : IRunnable
    {
        public bool NeedLeaderElection => false;

        public async Task RunAsync(CancellationToken ct)
        {
            await fail.WaitAsync(ct);
            throw new InvalidOperationException("runnable broke");
        }
    }
}
