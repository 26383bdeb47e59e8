using Microsoft.Extensions.Time.Testing;
using OciOperator.Runtime.Queue;

namespace OciOperator.Runtime.Tests.Queue;

public sealed class WorkQueueTests
{
    private FakeTimeProvider _time = null!;
    private WorkQueue<string> _queue = null!;

    [SetUp]
    public void SetUp()
    {
        _time = new FakeTimeProvider();
        _queue = new WorkQueue<string>("test", _time, RateLimiters.DefaultControllerRateLimiter<string>(_time));
    }

    [TearDown]
    public void TearDown() => _queue.Dispose();

    [Test]
    public async Task Add_SameKeyTwice_QueuedOnce()
    {
        _queue.Add("a");
        _queue.Add("a");
        _queue.Add("b");

        var (_, first) = await _queue.GetAsync(CancellationToken.None);
        var (_, second) = await _queue.GetAsync(CancellationToken.None);

        Assert.That(new[] { first, second }, Is.EqualTo(new[] { "a", "b" }));
        Assert.That(_queue.Count, Is.Zero);
    }

    [Test]
    public async Task Add_WhileProcessing_HeldUntilDone()
    {
        _queue.Add("a");
        var (_, item) = await _queue.GetAsync(CancellationToken.None);

        _queue.Add("a");
        var countWhileProcessing = _queue.Count;
        _queue.Done(item);

        Assert.That(countWhileProcessing, Is.Zero);
        Assert.That(_queue.Count, Is.EqualTo(1));
    }

    [Test]
    public async Task GetAsync_EmptyQueue_CompletesWhenItemAdded()
    {
        var pending = _queue.GetAsync(CancellationToken.None).AsTask();
        var completedEarly = pending.IsCompleted;

        _queue.Add("a");
        var (ok, item) = await pending.WaitAsync(TimeSpan.FromSeconds(10));

        Assert.That(completedEarly, Is.False);
        Assert.That((ok, item), Is.EqualTo((true, "a")));
    }

    [Test]
    public async Task GetAsync_HandedToWaiter_NotGivenToSecondWaiterUntilDone()
    {
        var first = _queue.GetAsync(CancellationToken.None).AsTask();
        var second = _queue.GetAsync(CancellationToken.None).AsTask();
        _queue.Add("a");
        var (_, item) = await first.WaitAsync(TimeSpan.FromSeconds(10));

        _queue.Add("a");
        var secondCompletedBeforeDone = second.IsCompleted;
        _queue.Done(item);
        var (_, again) = await second.WaitAsync(TimeSpan.FromSeconds(10));

        Assert.That(secondCompletedBeforeDone, Is.False);
        Assert.That(again, Is.EqualTo("a"));
    }

    [Test]
    public void GetAsync_Cancelled_ThrowsAndDoesNotSwallowLaterItem()
    {
        using var cts = new CancellationTokenSource();
        var pending = _queue.GetAsync(cts.Token).AsTask();

        cts.Cancel();
        _queue.Add("a");

        Assert.That(async () => await pending, Throws.InstanceOf<OperationCanceledException>());
        Assert.That(_queue.Count, Is.EqualTo(1));
    }

    [Test]
    public void AddAfter_BeforeDelay_NotReady_ThenReady()
    {
        _queue.AddAfter("a", TimeSpan.FromSeconds(5));

        _time.Advance(TimeSpan.FromSeconds(4.9));
        var before = _queue.Count;
        _time.Advance(TimeSpan.FromSeconds(0.1));

        Assert.That(before, Is.Zero);
        Assert.That(_queue.Count, Is.EqualTo(1));
        Assert.That(_queue.DelayedCount, Is.Zero);
    }

    [Test]
    public void AddAfter_EarlierTimeForSameKey_EarliestWinsAndAddsOnce()
    {
        _queue.AddAfter("a", TimeSpan.FromSeconds(10));
        _queue.AddAfter("a", TimeSpan.FromSeconds(2));
        _queue.AddAfter("a", TimeSpan.FromSeconds(5));

        _time.Advance(TimeSpan.FromSeconds(2));
        var atTwo = _queue.Count;
        _time.Advance(TimeSpan.FromSeconds(10));

        Assert.That(atTwo, Is.EqualTo(1));
        Assert.That(_queue.Count, Is.EqualTo(1));
    }

    [Test]
    public async Task AddRateLimited_RepeatedFailures_BackoffGrowsAndForgetResets()
    {
        var delays = new List<TimeSpan>();
        for (var i = 0; i < 4; i++)
        {
            delays.Add(await FailOnceAndMeasureAsync("a"));
        }

        _queue.Forget("a");
        var afterForget = await FailOnceAndMeasureAsync("a");

        Assert.That(delays, Is.EqualTo(new[] { 5, 10, 20, 40 }.Select(ms => TimeSpan.FromMilliseconds(ms))));
        Assert.That(afterForget, Is.EqualTo(TimeSpan.FromMilliseconds(5)));
    }

    [Test]
    public async Task ShutDownWithDrain_InFlightItem_WaitsForDone()
    {
        _queue.Add("a");
        var (_, item) = await _queue.GetAsync(CancellationToken.None);

        var drain = _queue.ShutDownWithDrainAsync(CancellationToken.None);
        var drainedEarly = drain.IsCompleted;
        var (ok, _) = await _queue.GetAsync(CancellationToken.None);
        _queue.Done(item);
        await drain.WaitAsync(TimeSpan.FromSeconds(10));

        Assert.That(drainedEarly, Is.False);
        Assert.That(ok, Is.False);
    }

    [Test]
    public async Task ShutDown_PendingWaiter_ReturnsNotOk()
    {
        var pending = _queue.GetAsync(CancellationToken.None).AsTask();

        _queue.ShutDown();
        var (ok, _) = await pending.WaitAsync(TimeSpan.FromSeconds(10));
        _queue.Add("a");

        Assert.That(ok, Is.False);
        Assert.That(_queue.Count, Is.Zero);
    }

    // Processes the item, fails it, and measures the fake time until it is ready again.
    private async Task<TimeSpan> FailOnceAndMeasureAsync(string key)
    {
        _queue.Add(key);
        var (_, item) = await _queue.GetAsync(CancellationToken.None);
        _queue.AddRateLimited(item);
        _queue.Done(item);
        var waited = TimeSpan.Zero;
        var step = TimeSpan.FromMilliseconds(1);
        while (_queue.Count == 0)
        {
            _time.Advance(step);
            waited += step;
            Assert.That(waited, Is.LessThan(TimeSpan.FromMinutes(1)), "item never became ready");
        }

        var (_, again) = await _queue.GetAsync(CancellationToken.None);
        _queue.Done(again);
        return waited;
    }
}
