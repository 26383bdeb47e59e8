using Microsoft.Extensions.Time.Testing;
using OciOperator.Runtime.Client;

namespace OciOperator.Runtime.Tests.Client;

public sealed class ClientRateLimitingHandlerTests
{
    [Test]
    public void Reserve_BurstUsed_WaitsOneOverQpsPerRequest()
    {
        var time = new FakeTimeProvider();
        using var handler = new ClientRateLimitingHandler(qps: 5, burst: 3, time);

        var free = Enumerable.Range(0, 3).Select(_ => handler.Reserve()).ToList();
        var fourth = handler.Reserve();
        var fifth = handler.Reserve();
        time.Advance(TimeSpan.FromSeconds(10));
        var afterRefill = handler.Reserve();

        Assert.That(free, Is.All.EqualTo(TimeSpan.Zero));
        Assert.That(fourth.TotalMilliseconds, Is.EqualTo(200).Within(0.001));
        Assert.That(fifth.TotalMilliseconds, Is.EqualTo(400).Within(0.001));
        Assert.That(afterRefill, Is.EqualTo(TimeSpan.Zero));
    }

    [Test]
    public async Task SendAsync_OverBurst_HeldUntilTimeAdvances()
    {
        var time = new FakeTimeProvider();
        using var handler = new ClientRateLimitingHandler(qps: 1, burst: 1, time) { InnerHandler = new OkHandler() };
        using var invoker = new HttpMessageInvoker(handler);
        using var first = new HttpRequestMessage(HttpMethod.Get, "http://127.0.0.1/api/v1/pods");
        using var second = new HttpRequestMessage(HttpMethod.Get, "http://127.0.0.1/api/v1/pods");
        using var watch = new HttpRequestMessage(HttpMethod.Get, "http://127.0.0.1/api/v1/pods?watch=true");

        using var r1 = await invoker.SendAsync(first, CancellationToken.None);
        var pending = invoker.SendAsync(second, CancellationToken.None);
        using var w = await invoker.SendAsync(watch, CancellationToken.None);
        var heldBeforeAdvance = !pending.IsCompleted;
        time.Advance(TimeSpan.FromSeconds(1));
        using var r2 = await pending.WaitAsync(TimeSpan.FromSeconds(10));

        Assert.That(heldBeforeAdvance, Is.True);
        Assert.That(r2.IsSuccessStatusCode, Is.True);
    }

    private sealed class OkHandler : HttpMessageHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken) =>
            Task.FromResult(new HttpResponseMessage(System.Net.HttpStatusCode.OK));
    }
}
