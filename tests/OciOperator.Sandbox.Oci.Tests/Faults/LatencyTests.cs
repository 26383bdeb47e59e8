using System.Net;
using Microsoft.Extensions.Time.Testing;
using OciOperator.Sandbox.Oci;
using OciOperator.Sandbox.Oci.Tests.Support;

namespace OciOperator.Sandbox.Oci.Tests.Faults;

/// <summary>Injected latency runs on the emulator's TimeProvider, so a FakeTimeProvider controls it.</summary>
public sealed class LatencyTests
{
    [Test]
    public async Task Latency_TenSeconds_AnswerOnlyAfterClockAdvances()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 7, 1, 0, 0, 0, TimeSpan.Zero));
        await using var harness = await EmulatorHarness.StartAsync(new OciEmulatorOptions { TimeProvider = clock, MaxClockSkew = TimeSpan.FromMinutes(5) });
        harness.Emulator.Faults.Latency = TimeSpan.FromSeconds(10);
        var start = clock.GetUtcNow();

        var call = harness.SendAsync(HttpMethod.Get, $"20190415/dbSystems?compartmentId={EmulatorHarness.CompartmentId}");
        var advances = 0;
        while (!call.IsCompleted && advances < 1000)
        {
            await Task.WhenAny(call, Task.Delay(TimeSpan.FromMilliseconds(20)));
            if (!call.IsCompleted)
            {
                clock.Advance(TimeSpan.FromSeconds(1));
                advances++;
            }
        }

        Assert.That((await call).StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(advances, Is.GreaterThanOrEqualTo(10));
        Assert.That(harness.Emulator.Calls.All.Single().Time - start, Is.GreaterThanOrEqualTo(TimeSpan.FromSeconds(10)));
    }
}
