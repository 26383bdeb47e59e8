using System.Diagnostics;
using NUnit.Framework;

namespace OciOperator.Testing;

/// <summary>Waits for a condition with a deadline, polling every 20 ms; never a fixed sleep.</summary>
public static class Eventually
{
    private static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(20);

    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(20);

    /// <summary>True as soon as the condition holds; false when it still does not at the deadline.</summary>
    public static async Task<bool> TrueAsync(Func<Task<bool>> condition, TimeSpan? timeout = null)
    {
        var clock = Stopwatch.StartNew();
        var limit = timeout ?? DefaultTimeout;
        while (clock.Elapsed < limit)
        {
            if (await condition())
            {
                return true;
            }

            await Task.Delay(PollInterval);
        }

        return await condition();
    }

    /// <summary>Probes until <paramref name="done"/> holds and returns that value; fails the test at the deadline.</summary>
    public static async Task<T> UntilAsync<T>(Func<Task<T>> probe, Func<T, bool> done, string what, TimeSpan? timeout = null)
    {
        var clock = Stopwatch.StartNew();
        var limit = timeout ?? DefaultTimeout;
        while (true)
        {
            var value = await probe();
            if (done(value))
            {
                return value;
            }

            if (clock.Elapsed > limit)
            {
                Assert.Fail($"timed out after {limit.TotalSeconds}s waiting for {what}; last value: {value}");
            }

            await Task.Delay(PollInterval);
        }
    }

    /// <summary>Waits until the condition holds; fails the test at the deadline.</summary>
    public static Task WaitAsync(Func<bool> condition, string what, TimeSpan? timeout = null) =>
        WaitAsync(() => Task.FromResult(condition()), what, timeout);

    /// <summary>Waits until the condition holds; fails the test at the deadline.</summary>
    public static async Task WaitAsync(Func<Task<bool>> condition, string what, TimeSpan? timeout = null)
    {
        if (!await TrueAsync(condition, timeout))
        {
            Assert.Fail($"timed out after {(timeout ?? DefaultTimeout).TotalSeconds}s waiting for: {what}");
        }
    }
}
