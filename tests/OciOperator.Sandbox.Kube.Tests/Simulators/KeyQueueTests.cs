using Microsoft.Extensions.Time.Testing;
using OciOperator.Sandbox.Kube.Simulators.Client;

namespace OciOperator.Sandbox.Kube.Tests.Simulators;

/// <summary>The simulated controllers' work queue: de-duplication, planned re-adds on the clock, disposal.</summary>
public sealed class KeyQueueTests
{
    [Test]
    public async Task Add_SameKeyWhileWaiting_ReadOnce()
    {
        using var queue = new KeyQueue(new FakeTimeProvider());
        queue.Add("a");
        queue.Add("a");
        queue.Add("b");

        var read = await ReadAsync(queue, 2);

        Assert.That(read, Is.EqualTo(new[] { "a", "b" }));
    }

    [Test]
    public async Task Add_AfterRead_ReadAgain()
    {
        using var queue = new KeyQueue(new FakeTimeProvider());
        queue.Add("a");
        Assert.That(await ReadAsync(queue, 1), Is.EqualTo(new[] { "a" }));

        queue.Add("a");

        Assert.That(await ReadAsync(queue, 1), Is.EqualTo(new[] { "a" }));
    }

    [Test]
    public async Task AddAfter_LaterPlanReplacesEarlier_AddedOnlyWhenItsTimeComes()
    {
        var clock = new FakeTimeProvider();
        using var queue = new KeyQueue(clock);
        queue.AddAfter("a", TimeSpan.FromSeconds(1));
        queue.AddAfter("a", TimeSpan.FromSeconds(5));

        clock.Advance(TimeSpan.FromSeconds(2));
        queue.Add("marker");
        Assert.That(await ReadAsync(queue, 1), Is.EqualTo(new[] { "marker" }), "the replaced 1 s plan did not fire");

        clock.Advance(TimeSpan.FromSeconds(3));
        Assert.That(await ReadAsync(queue, 1), Is.EqualTo(new[] { "a" }));
    }

    [Test]
    public async Task Dispose_EndsTheReaderAndIgnoresAdds()
    {
        var clock = new FakeTimeProvider();
        var queue = new KeyQueue(clock);
        queue.AddAfter("late", TimeSpan.FromSeconds(1));

        queue.Dispose();
        queue.Add("a");
        clock.Advance(TimeSpan.FromSeconds(2));

        Assert.That(await ReadAsync(queue, int.MaxValue), Is.Empty);
    }

    private static async Task<List<string>> ReadAsync(KeyQueue queue, int count)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        var read = new List<string>();
        await foreach (var key in queue.ReadAllAsync(timeout.Token))
        {
            read.Add(key);
            if (read.Count == count)
            {
                break;
            }
        }

        return read;
    }
}
