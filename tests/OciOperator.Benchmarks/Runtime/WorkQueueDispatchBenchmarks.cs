using BenchmarkDotNet.Attributes;
using OciOperator.Runtime.Queue;

namespace OciOperator.Benchmarks.Runtime;

/// <summary>
/// Dispatch overhead of the controller work queue per item: Add, GetAsync, Done and Forget for a batch of distinct
/// keys with the default controller rate limiter — the queue's share of every reconcile.
/// </summary>
[MemoryDiagnoser]
public class WorkQueueDispatchBenchmarks
{
    private const int Items = 1_000;
    private readonly string[] _keys = Enumerable.Range(0, Items).Select(i => "default/object-" + i).ToArray();

    [Benchmark(Description = "add+get+done+forget, 1,000 keys", OperationsPerInvoke = Items)]
    public async Task Dispatch()
    {
        using var queue = new WorkQueue<string>("bench", TimeProvider.System, RateLimiters.DefaultControllerRateLimiter<string>(TimeProvider.System));
        foreach (var key in _keys)
        {
            queue.Add(key);
        }

        for (var i = 0; i < Items; i++)
        {
            var (_, item) = await queue.GetAsync(CancellationToken.None);
            queue.Forget(item);
            queue.Done(item);
        }
    }
}
