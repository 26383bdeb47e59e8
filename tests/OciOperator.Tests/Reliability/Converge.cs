using System.Diagnostics;
using System.Text.Json.Nodes;

namespace OciOperator.Tests.Reliability;

/// <summary>
/// Waits for many objects to converge: polls every half second (lists of many objects are not cheap), and at the
/// deadline fails with a summary of where the objects are stuck instead of a type name.
/// </summary>
internal static class Converge
{
    private static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(500);

    public static async Task<T> UntilAsync<T>(Func<Task<T>> probe, Func<T, bool> done, Func<T, string> describe, string what, TimeSpan timeout)
    {
        var clock = Stopwatch.StartNew();
        while (true)
        {
            var value = await probe();
            if (done(value))
            {
                return value;
            }

            if (clock.Elapsed > timeout)
            {
                Assert.Fail($"timed out after {timeout.TotalSeconds:0}s waiting for {what}; now: {describe(value)}");
            }

            await Task.Delay(Interval);
        }
    }

    public static Task WaitAsync(Func<bool> condition, Func<string> describe, string what, TimeSpan timeout) =>
        UntilAsync(() => Task.FromResult(condition()), ok => ok, _ => describe(), what, timeout);

    /// <summary>How many DbSystems are in each (lifecycleState, current condition reason), e.g. <c>ACTIVE/Reconciled: 12</c>.</summary>
    public static string States(IEnumerable<JsonObject> dbSystems) =>
        string.Join(", ", dbSystems
            .GroupBy(d => $"{Manifests.LifecycleState(d) ?? "-"}/{Manifests.Conditions(d).LastOrDefault()?["reason"]?.GetValue<string>() ?? "-"}")
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => $"{g.Key}: {g.Count()}"))
        + $" (total {dbSystems.Count()})";
}
