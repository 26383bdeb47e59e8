using OciOperator.Runtime.Builder;
using OciOperator.Runtime.Caching;
using OciOperator.Runtime.Client;
using OciOperator.Runtime.Manager;
using OciOperator.Runtime.Tests.Support;

namespace OciOperator.Runtime.Tests.Manager;

/// <summary>Controllers for kinds that appear at run time (as the RGD engine registers them).</summary>
[NonParallelizable]
public sealed class DynamicControllerTests
{
    private SandboxCluster _cluster = null!;
    private ControllerManager _manager = null!;

    [SetUp]
    public async Task SetUp()
    {
        _cluster = await SandboxCluster.StartAsync();
        _manager = _cluster.NewManager();
        await _manager.StartAsync(CancellationToken.None);
    }

    [TearDown]
    public async Task TearDown()
    {
        await _manager.StopAsync(CancellationToken.None);
        _manager.Dispose();
        await _cluster.DisposeAsync();
    }

    [Test]
    public async Task RegisterAtRunTime_CrdCreatedDuringTest_StartsReconcilesAndStopsWhenUnregistered()
    {
        await _cluster.CreateWidgetCrdAsync();
        var first = Register("widgets-a", out var firstController);
        await _cluster.Api.CreateAsync(SandboxCluster.Widgets, SandboxCluster.Widget("w1", 5), CancellationToken.None);
        await Eventually.WaitAsync(() => first.Reconciler.Requests.Any(r => r.Name == "w1"), "the dynamic controller reconciled w1");

        await _manager.RemoveControllerAsync(firstController, CancellationToken.None);
        var callsAfterRemoval = first.Reconciler.Total;
        var informerGone = !_manager.Cache.Informers.Any(i => i.Type == SandboxCluster.Widgets);
        var second = Register("widgets-b", out _);
        await _cluster.Api.CreateAsync(SandboxCluster.Widgets, SandboxCluster.Widget("w2", 6), CancellationToken.None);
        await Eventually.WaitAsync(() => second.Reconciler.Requests.Any(r => r.Name == "w2"), "a later controller reconciled w2");

        Assert.That(first.Reconciler.Requests.First().Type, Is.EqualTo(SandboxCluster.Widgets), "dynamic requests carry their resource type");
        Assert.That(firstController.Queue.IsShuttingDown, Is.True);
        Assert.That(informerGone, Is.True, "the informer of the removed controller was stopped");
        Assert.That(first.Reconciler.Total, Is.EqualTo(callsAfterRemoval), "the removed controller saw nothing more");
    }

    private (WidgetStatusReconciler Reconciler, Informer<UnstructuredObject> Informer) Register(string name, out OciOperator.Runtime.Controllers.Controller controller)
    {
        Informer<UnstructuredObject>? informer = null;
        var reconciler = new WidgetStatusReconciler(() => informer!, new StatusWriter(_manager.Api));
        informer = _manager.Cache.GetInformer<UnstructuredObject>(SandboxCluster.Widgets);
        controller = _manager.NewController<UnstructuredObject>(name, SandboxCluster.Widgets).Complete(reconciler);
        return (reconciler, informer);
    }
}
