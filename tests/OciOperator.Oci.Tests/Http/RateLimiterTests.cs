using System.Net;
using OciOperator.Oci.Http;
using OciOperator.Oci.Mysql;
using OciOperator.Oci.Tests.Support;
using Polly.RateLimiting;

namespace OciOperator.Oci.Tests.Http;

/// <summary>The client-side rate limiter in front of OCI: calls past the bucket and its queue never reach the service.</summary>
public sealed class RateLimiterTests
{
    [Test]
    public async Task RateLimiter_BurstBeyondBucketWithNoQueue_RejectsWithoutCallingTheService()
    {
        var handler = new ScriptedHandler((_, _) => ScriptedHandler.Json(HttpStatusCode.OK, "[]"));
        var options = new OciResilienceOptions { MaxAttempts = 1, RateLimitPerSecond = 1, RateLimitQueue = 0, CircuitMinimumThroughput = 1000 };
        var client = PipelineFactory.Client(handler, options, TimeProvider.System);
        var request = new ListDbSystemsRequest("c");

        var rejected = 0;
        for (var i = 0; i < 10; i++)
        {
            try
            {
                await client.ListDbSystemsAsync(request, CancellationToken.None);
            }
            catch (RateLimiterRejectedException)
            {
                rejected++;
            }
        }

        // One token a second: of ten back-to-back calls, one (two if a replenishment tick fell in between) pass.
        Assert.That(rejected, Is.InRange(1, 9));
        Assert.That(handler.Requests, Has.Count.EqualTo(10 - rejected));
    }

    [Test]
    public async Task RateLimiter_Disabled_EveryCallReachesTheService()
    {
        var handler = new ScriptedHandler((_, _) => ScriptedHandler.Json(HttpStatusCode.OK, "[]"));
        var options = new OciResilienceOptions { MaxAttempts = 1, RateLimitPerSecond = 0, CircuitMinimumThroughput = 1000 };
        var client = PipelineFactory.Client(handler, options, TimeProvider.System);

        for (var i = 0; i < 10; i++)
        {
            await client.ListDbSystemsAsync(new ListDbSystemsRequest("c"), CancellationToken.None);
        }

        Assert.That(handler.Requests, Has.Count.EqualTo(10));
    }
}
