using System.Diagnostics;

namespace OciOperator.Benchmarks.DbSystem;

/// <summary>Waits for a condition, checking it at an interval, up to a deadline (then fails naming what was awaited).</summary>
internal static class Poll
{
    public static async Task UntilAsync(Func<Task<bool>> condition, TimeSpan timeout, string what, CancellationToken ct, TimeSpan? interval = null)
    {
        var clock = Stopwatch.StartNew();
        while (!await condition())
        {
            if (clock.Elapsed > timeout)
            {
                throw new TimeoutException($"Timed out after {timeout.TotalSeconds:F0} s waiting for {what}.");
            }

            await Task.Delay(interval ?? TimeSpan.FromMilliseconds(20), ct);
        }
    }
}
