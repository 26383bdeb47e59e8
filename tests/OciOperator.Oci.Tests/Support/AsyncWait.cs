using Microsoft.Extensions.Time.Testing;

namespace OciOperator.Oci.Tests.Support;

/// <summary>Drives a task that waits on a <see cref="FakeTimeProvider"/> to completion without fixed sleeps.</summary>
internal static class AsyncWait
{
    public static async Task<T> DriveAsync<T>(Task<T> task, FakeTimeProvider time, TimeSpan step, int maxSteps = 1000)
    {
        for (var i = 0; i < maxSteps && !task.IsCompleted; i++)
        {
            // Give continuations a moment (bounded), then move fake time on.
            await Task.WhenAny(task, Task.Delay(20));
            if (!task.IsCompleted)
            {
                time.Advance(step);
            }
        }

        return await task.WaitAsync(TimeSpan.FromSeconds(10));
    }
}
