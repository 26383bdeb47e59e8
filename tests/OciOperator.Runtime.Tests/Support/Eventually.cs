using System.Diagnostics;

namespace OciOperator.Runtime.Tests.Support;

/// <summary>Waits for a condition with a deadline, polling every 20 ms (never a fixed sleep).</summary>
internal static class Eventually
{
    public static async Task WaitAsync(Func<bool> condition, string what, TimeSpan? timeout = null)
    {
        var deadline = Stopwatch.StartNew();
        var limit = timeout ?? TimeSpan.FromSeconds(20);
        while (!condition())
        {
            if (deadline.Elapsed > limit)
            {
                Assert.Fail($"timed out after {limit.TotalSeconds}s waiting for: {what}");
            }

            await Task.Delay(20);
        }
    }

    public static async Task WaitAsync(Func<Task<bool>> condition, string what, TimeSpan? timeout = null)
    {
        var deadline = Stopwatch.StartNew();
        var limit = timeout ?? TimeSpan.FromSeconds(20);
        while (!await condition())
        {
            if (deadline.Elapsed > limit)
            {
                Assert.Fail($"timed out after {limit.TotalSeconds}s waiting for: {what}");
            }

            await Task.Delay(20);
        }
    }
}
