using System.Diagnostics;
using k8s;
using k8s.Models;
using OciOperator.Runtime.Builder;
using OciOperator.Runtime.Caching;
using OciOperator.Runtime.Manager;
using OciOperator.Runtime.Tests.Support;

namespace OciOperator.Runtime.Tests.LeaderElection;

/// <summary>Two managers electing on one Lease in the Sandbox.</summary>
[NonParallelizable]
public sealed class LeaderElectionTests
{
    private static readonly TimeSpan LeaseDuration = TimeSpan.FromSeconds(3);

    [Test]
    public async Task TwoManagers_LeaderStopsRenewing_OnlyLeaderReconcilesAndOtherTakesOverWithinLease()
    {
        await using var cluster = await SandboxCluster.StartAsync();
        var (managerA, reconcilerA) = NewElectingManager(cluster, "a");
        var (managerB, reconcilerB) = NewElectingManager(cluster, "b");
        await managerA.StartAsync(CancellationToken.None);
        await Eventually.WaitAsync(() => managerA.IsLeader, "a leads");
        await managerB.StartAsync(CancellationToken.None);
        await Eventually.WaitAsync(() => managerB.IsReady, "b is ready (lease state known) while not leading");

        await cluster.Client.CoreV1.CreateNamespacedConfigMapAsync(SandboxCluster.ConfigMap("x", "1"), "default");
        await Eventually.WaitAsync(() => reconcilerA.Seen.GetValueOrDefault("default/x") == "1", "the leader reconciled x");
        var bWhileFollowing = reconcilerB.Total;
        var bLeading = managerB.IsLeader;

        var stopped = Stopwatch.StartNew();
        await managerA.StopAsync(CancellationToken.None);
        await Eventually.WaitAsync(() => managerB.IsLeader, "b takes over", LeaseDuration + TimeSpan.FromSeconds(5));
        var takeover = stopped.Elapsed;
        await cluster.Client.CoreV1.PatchNamespacedConfigMapAsync(new V1Patch("{\"data\":{\"v\":\"2\"}}", V1Patch.PatchType.MergePatch), "x", "default");
        await Eventually.WaitAsync(() => reconcilerB.Seen.GetValueOrDefault("default/x") == "2", "the new leader reconciled x");
        await managerB.StopAsync(CancellationToken.None);
        managerA.Dispose();
        managerB.Dispose();

        Assert.That(bLeading, Is.False);
        Assert.That(bWhileFollowing, Is.Zero, "a follower must not reconcile");
        Assert.That(takeover, Is.LessThan(LeaseDuration + TimeSpan.FromSeconds(2)), "takeover within the lease duration (plus retry and observation slack)");
        Assert.That(reconcilerA.Seen.GetValueOrDefault("default/x"), Is.EqualTo("1"), "the stopped leader saw nothing after stopping");
    }

    [Test]
    public async Task Leader_LeaseTakenByAnotherHolder_StopsControllersAndReportsUnhealthy()
    {
        await using var cluster = await SandboxCluster.StartAsync();
        var (manager, _) = NewElectingManager(cluster, "a");
        await manager.StartAsync(CancellationToken.None);
        await Eventually.WaitAsync(() => manager.IsLeader, "a leads");
        var controller = ControllerOf(manager);

        // The leader renews every retry period, so our read-modify-write may conflict; retry like any writer.
        await Eventually.WaitAsync(
            async () =>
            {
                var lease = await cluster.Client.CoordinationV1.ReadNamespacedLeaseAsync("runtime-test", "default");
                lease.Spec.HolderIdentity = "intruder";
                lease.Spec.LeaseDurationSeconds = 600;
                lease.Spec.RenewTime = DateTime.UtcNow;
                try
                {
                    await cluster.Client.CoordinationV1.ReplaceNamespacedLeaseAsync(lease, "runtime-test", "default");
                    return true;
                }
                catch (k8s.Autorest.HttpOperationException ex) when (ex.Response.StatusCode == System.Net.HttpStatusCode.Conflict)
                {
                    return false;
                }
            },
            "the lease is taken by an intruder");
        await Eventually.WaitAsync(() => !manager.IsLeader && !manager.IsHealthy, "a notices the loss", TimeSpan.FromSeconds(10));
        await Eventually.WaitAsync(() => manager.ExecuteTask?.IsCompleted == true, "the manager ended", TimeSpan.FromSeconds(10));
        manager.Dispose();

        Assert.That(controller, Is.Not.Null);
        Assert.That(controller!.Queue.IsShuttingDown, Is.True, "leader-only controllers were stopped");
        Assert.That(manager.IsReady, Is.False);
    }

    private static OciOperator.Runtime.Controllers.Controller? ControllerOf(ControllerManager manager) => Controllers.TryGetValue(manager, out var controller) ? controller : null;

    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<ControllerManager, OciOperator.Runtime.Controllers.Controller> Controllers = [];

    private static (ControllerManager Manager, ConfigMapValueReconciler Reconciler) NewElectingManager(SandboxCluster cluster, string identity)
    {
        var manager = cluster.NewManager(new ControllerRuntimeOptions
        {
            LeaderElection = true,
            LeaderElectionId = "runtime-test",
            LeaderElectionNamespace = "default",
            LeaderElectionIdentity = identity,
            LeaseDuration = LeaseDuration,
            RenewDeadline = TimeSpan.FromSeconds(2),
            RetryPeriod = TimeSpan.FromMilliseconds(250),
        });
        Informer<V1ConfigMap>? informer = null;
        var reconciler = new ConfigMapValueReconciler(() => informer!);
        informer = manager.Cache.GetInformer<V1ConfigMap>(SandboxCluster.ConfigMaps);
        Controllers.AddOrUpdate(manager, manager.NewController<V1ConfigMap>("configmaps", SandboxCluster.ConfigMaps).Complete(reconciler));
        return (manager, reconciler);
    }
}
