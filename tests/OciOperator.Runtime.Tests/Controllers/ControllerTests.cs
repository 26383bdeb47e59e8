using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using OciOperator.Runtime.Controllers;
using OciOperator.Runtime.Reconciliation;
using OciOperator.Runtime.Tests.Support;

namespace OciOperator.Runtime.Tests.Controllers;

public sealed class ControllerTests
{
    private static readonly ReconcileRequest Key = new("ns", "a");

    [Test]
    public async Task Reconcile_Throws_RetriedWithGrowingBackoffThenForgottenOnSuccess()
    {
        var time = new FakeTimeProvider();
        var reconciler = new RecordingReconciler((_, call, _) =>
            call <= 3 ? throw new InvalidOperationException("boom") : Task.FromResult(ReconcileResult.Done));
        await using var run = Start(reconciler, time);

        run.Controller.Queue.Add(Key);
        await Eventually.WaitAsync(() => reconciler.Total == 1 && run.Controller.Queue.DelayedCount == 1, "first failure");
        time.Advance(TimeSpan.FromMilliseconds(4));
        var beforeFirstBackoff = reconciler.Total;
        time.Advance(TimeSpan.FromMilliseconds(1));
        await Eventually.WaitAsync(() => reconciler.Total == 2 && run.Controller.Queue.DelayedCount == 1, "second failure");
        time.Advance(TimeSpan.FromMilliseconds(9));
        var beforeSecondBackoff = reconciler.Total;
        time.Advance(TimeSpan.FromMilliseconds(1));
        await Eventually.WaitAsync(() => reconciler.Total == 3 && run.Controller.Queue.DelayedCount == 1, "third failure");
        time.Advance(TimeSpan.FromMilliseconds(20));
        await Eventually.WaitAsync(() => reconciler.Total == 4, "success");
        await Eventually.WaitAsync(() => run.Controller.Queue.NumRequeues(Key) == 0, "forgotten");

        Assert.That(beforeFirstBackoff, Is.EqualTo(1));
        Assert.That(beforeSecondBackoff, Is.EqualTo(2));
        Assert.That(run.Controller.Queue.DelayedCount, Is.Zero);
    }

    [Test]
    public async Task Reconcile_TerminalException_NotRetried()
    {
        var time = new FakeTimeProvider();
        var reconciler = new RecordingReconciler((_, _, _) => throw new TerminalReconcileException("bad spec"));
        await using var run = Start(reconciler, time);

        run.Controller.Queue.Add(Key);
        await Eventually.WaitAsync(() => reconciler.Total == 1, "first reconcile");
        time.Advance(TimeSpan.FromHours(1));

        Assert.That(run.Controller.Queue.DelayedCount, Is.Zero);
        Assert.That(run.Controller.Queue.Count, Is.Zero);
        Assert.That(reconciler.Total, Is.EqualTo(1));
    }

    [Test]
    public async Task Reconcile_RequeueAfter_ReconciledAgainOnlyAfterDelay()
    {
        var time = new FakeTimeProvider();
        var reconciler = new RecordingReconciler((_, _, _) => Task.FromResult(ReconcileResult.After(TimeSpan.FromSeconds(30))));
        await using var run = Start(reconciler, time);

        run.Controller.Queue.Add(Key);
        await Eventually.WaitAsync(() => run.Controller.Queue.DelayedCount == 1, "requeue scheduled");
        time.Advance(TimeSpan.FromSeconds(29));
        var early = reconciler.Total;
        time.Advance(TimeSpan.FromSeconds(1));
        await Eventually.WaitAsync(() => reconciler.Total == 2, "second reconcile");

        Assert.That(early, Is.EqualTo(1));
    }

    [Test]
    public async Task Workers_ManyKeysAndReAdds_NeverReconcileOneKeyConcurrently()
    {
        var time = new FakeTimeProvider();
        var reconciler = new RecordingReconciler(async (_, _, ct) =>
        {
            await Task.Yield();
            return ReconcileResult.Done;
        });
        await using var run = Start(reconciler, time, workers: 8);

        for (var round = 0; round < 200; round++)
        {
            for (var k = 0; k < 5; k++)
            {
                run.Controller.Queue.Add(new ReconcileRequest("ns", $"k{k}"));
            }
        }

        await Eventually.WaitAsync(() => run.Controller.Queue.Count == 0 && reconciler.Total >= 5, "queue drained");

        Assert.That(reconciler.Overlaps, Is.Zero);
        Assert.That(reconciler.MaxRunning, Is.LessThanOrEqualTo(8));
    }

    [Test]
    public async Task Run_Cancelled_DrainsInFlightReconcileAndStops()
    {
        var time = new FakeTimeProvider();
        var release = new TaskCompletionSource();
        var reconciler = new RecordingReconciler(async (_, _, _) =>
        {
            await release.Task;
            return ReconcileResult.Done;
        });
        var run = Start(reconciler, time);
        run.Controller.Queue.Add(Key);
        await Eventually.WaitAsync(() => reconciler.Total == 1, "reconcile started");

        await run.Cts.CancelAsync();
        var stoppedBeforeRelease = run.Task.IsCompleted;
        release.SetResult();
        await run.Task.WaitAsync(TimeSpan.FromSeconds(10));

        Assert.That(stoppedBeforeRelease, Is.False);
        Assert.That(run.Controller.Queue.IsShuttingDown, Is.True);
        await run.DisposeAsync();
    }

    [Test]
    public async Task Reconcile_Traced_OneSpanPerReconcileWithIdentityAndReconcileId()
    {
        var spans = new System.Collections.Concurrent.ConcurrentQueue<System.Diagnostics.Activity>();
        using var listener = new System.Diagnostics.ActivityListener
        {
            ShouldListenTo = source => ReferenceEquals(source, Controller.ActivitySource),
            Sample = (ref System.Diagnostics.ActivityCreationOptions<System.Diagnostics.ActivityContext> _) => System.Diagnostics.ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = a => { if (a.GetTagItem("controller") as string == "traced") { spans.Enqueue(a); } },
        };
        System.Diagnostics.ActivitySource.AddActivityListener(listener);
        var reconciler = new RecordingReconciler();
        var controller = new Controller("traced", reconciler, new ControllerOptions(), new FakeTimeProvider(), NullLogger.Instance);
        using var cts = new CancellationTokenSource();
        var run = controller.RunAsync(cts.Token);

        controller.Queue.Add(Key);
        controller.Queue.Add(new ReconcileRequest("ns", "b"));
        await Eventually.WaitAsync(() => spans.Count == 2, "two spans");
        await cts.CancelAsync();
        await run.WaitAsync(TimeSpan.FromSeconds(10));

        var list = spans.ToList();
        Assert.That(list.Select(a => a.GetTagItem("k8s.object.name")), Is.EquivalentTo(new[] { "a", "b" }));
        Assert.That(list.Select(a => a.GetTagItem("reconcile.id")).Distinct().Count(), Is.EqualTo(2));
        Assert.That(list.All(a => a.OperationName == "reconcile traced"), Is.True);
    }

    private static ControllerRun Start(RecordingReconciler reconciler, TimeProvider time, int workers = 1)
    {
        var controller = new Controller("test", reconciler, new ControllerOptions { MaxConcurrentReconciles = workers }, time, NullLogger.Instance);
        var cts = new CancellationTokenSource();
        return new ControllerRun(controller, cts, controller.RunAsync(cts.Token));
    }

    private sealed record ControllerRun(Controller Controller, CancellationTokenSource Cts, Task Task) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync()
        {
            await Cts.CancelAsync();
            await Task.WaitAsync(TimeSpan.FromSeconds(10));
            Cts.Dispose();
        }
    }
}
