using System.Net;
using System.Text;
using Microsoft.Extensions.Time.Testing;
using OciOperator.Oci.Http;
using OciOperator.Oci.Mysql;
using OciOperator.Oci.Tests.Support;
using Polly.CircuitBreaker;

namespace OciOperator.Oci.Tests.Http;

public sealed class RetryPolicyTests
{
    private const string Empty = "[]";

    private static IEnumerable<TestCaseData> StatusCases()
    {
        yield return new TestCaseData(409, "IncorrectState", 3).SetName("List_409IncorrectState_Retried");
        yield return new TestCaseData(409, "LockConflict", 3).SetName("List_409LockConflict_Retried");
        yield return new TestCaseData(409, "Conflict", 1).SetName("List_409Conflict_NotRetried");
        yield return new TestCaseData(429, "TooManyRequests", 3).SetName("List_429_Retried");
        yield return new TestCaseData(500, "InternalServerError", 3).SetName("List_500_Retried");
        yield return new TestCaseData(501, "MethodNotImplemented", 1).SetName("List_501_NotRetried");
        yield return new TestCaseData(502, "BadGateway", 3).SetName("List_502_Retried");
        yield return new TestCaseData(503, "ServiceUnavailable", 3).SetName("List_503_Retried");
        yield return new TestCaseData(504, "GatewayTimeout", 3).SetName("List_504_Retried");
        yield return new TestCaseData(505, "HttpVersion", 1).SetName("List_505_NotRetried");
        yield return new TestCaseData(400, "InvalidParameter", 1).SetName("List_400_NotRetried");
        yield return new TestCaseData(401, "NotAuthenticated", 1).SetName("List_401StaticKey_NotRetried");
        yield return new TestCaseData(404, "NotAuthorizedOrNotFound", 1).SetName("List_404_NotRetried");
        yield return new TestCaseData(412, "NoEtagMatch", 1).SetName("List_412_NotRetried");
    }

    [TestCaseSource(nameof(StatusCases))]
    public async Task List_AlwaysFailing_AttemptsPerOciDefaultRule(int status, string code, int expectedAttempts)
    {
        var handler = new ScriptedHandler((_, _) => ScriptedHandler.Error(status, code));
        var client = PipelineFactory.Client(handler, PipelineFactory.NoDelays(attempts: 3), TimeProvider.System);

        var ex = await Assert.ThrowsAsync<OciServiceException>(() => client.ListDbSystemsAsync(new ListDbSystemsRequest("c"), CancellationToken.None));

        Assert.That(handler.Requests, Has.Count.EqualTo(expectedAttempts));
        Assert.That(ex!.StatusCode, Is.EqualTo(status));
        Assert.That(ex.Code, Is.EqualTo(code));
        Assert.That(ex.OpcRequestId, Is.EqualTo("req-" + code));
        Assert.That(ex.Operation, Is.EqualTo("ListDbSystems"));
    }

    [Test]
    public async Task List_NetworkErrorThenSuccess_Retried()
    {
        var handler = new ScriptedHandler((i, _) => i == 0 ? throw new HttpRequestException("connection reset") : ScriptedHandler.Json(HttpStatusCode.OK, Empty));
        var client = PipelineFactory.Client(handler, PipelineFactory.NoDelays(), TimeProvider.System);

        var page = await client.ListDbSystemsAsync(new ListDbSystemsRequest("c"), CancellationToken.None);

        Assert.That(page.Items, Is.Empty);
        Assert.That(handler.Requests, Has.Count.EqualTo(2));
    }

    [Test]
    public async Task Create_TransientFailures_ReusesRetryTokenAndBodyWithFreshRequestIds()
    {
        var handler = new ScriptedHandler((i, _) => i < 2
            ? ScriptedHandler.Error(i == 0 ? 503 : 429, i == 0 ? "ServiceUnavailable" : "TooManyRequests")
            : ScriptedHandler.Json(HttpStatusCode.OK, """{"id":"ocid1.mysqldbsystem.oc1..a","lifecycleState":"CREATING"}""", ("etag", "e1"), ("opc-work-request-id", "wr1")));
        var client = PipelineFactory.Client(handler, PipelineFactory.NoDelays(), TimeProvider.System);
        var details = new CreateDbSystemDetails { CompartmentId = "c", ShapeName = "MySQL.2", SubnetId = "s", AdminPassword = "Passw0rd!" };

        var result = await client.CreateDbSystemAsync(details, "token-123", CancellationToken.None);

        var requests = handler.Requests;
        Assert.That(requests, Has.Count.EqualTo(3));
        Assert.That(requests.Select(r => r.Header("opc-retry-token")), Is.All.EqualTo("token-123"));
        Assert.That(requests.Select(r => Encoding.UTF8.GetString(r.Body!)).Distinct().Count(), Is.EqualTo(1));
        Assert.That(requests.Select(r => r.Header("opc-request-id")).Distinct().Count(), Is.EqualTo(3));
        Assert.That(requests[0].Header("opc-client-retries"), Is.EqualTo("true"));
        Assert.That(result.Value.LifecycleState, Is.EqualTo(DbSystemLifecycleState.Creating));
        Assert.That(result.ETag, Is.EqualTo("e1"));
        Assert.That(result.OpcWorkRequestId, Is.EqualTo("wr1"));
    }

    [Test]
    public async Task Create_NoTokenGiven_GeneratesOne32AlphanumericTokenReusedAcrossRetries()
    {
        var handler = new ScriptedHandler((i, _) => i == 0 ? ScriptedHandler.Error(500, "InternalServerError") : ScriptedHandler.Json(HttpStatusCode.OK, "{}"));
        var client = PipelineFactory.Client(handler, PipelineFactory.NoDelays(), TimeProvider.System);

        await client.CreateDbSystemAsync(new CreateDbSystemDetails { CompartmentId = "c", ShapeName = "s", SubnetId = "n" }, null, CancellationToken.None);

        var tokens = handler.Requests.Select(r => r.Header("opc-retry-token")).ToList();
        Assert.That(tokens[0], Does.Match("^[A-Za-z0-9]{32}$"));
        Assert.That(tokens[1], Is.EqualTo(tokens[0]));
    }

    [Test]
    public async Task List_RetryAfterHeader_WaitsThatLongOnFakeClock()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero));
        var handler = new ScriptedHandler((i, _) => i == 0 ? ScriptedHandler.Error(429, "TooManyRequests", ("retry-after", "7")) : ScriptedHandler.Json(HttpStatusCode.OK, Empty), time);
        var options = PipelineFactory.NoDelays();
        options.RetryBaseDelay = TimeSpan.FromSeconds(1);
        var client = PipelineFactory.Client(handler, options, time);

        await AsyncWait.DriveAsync(client.ListDbSystemsAsync(new ListDbSystemsRequest("c"), CancellationToken.None), time, TimeSpan.FromSeconds(1));

        var gap = handler.Requests[1].At - handler.Requests[0].At;
        Assert.That(gap, Is.GreaterThanOrEqualTo(TimeSpan.FromSeconds(7)).And.LessThan(TimeSpan.FromSeconds(9)));
    }

    [Test]
    public async Task List_NoRetryAfter_BackoffIsExponentialCappedWithJitterBelowOneSecond()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero));
        var handler = new ScriptedHandler((i, _) => i < 7 ? ScriptedHandler.Error(503, "ServiceUnavailable") : ScriptedHandler.Json(HttpStatusCode.OK, Empty), time);
        var options = new OciResilienceOptions { RateLimitPerSecond = 0, CircuitMinimumThroughput = 1000 };
        var client = PipelineFactory.Client(handler, options, time);

        await AsyncWait.DriveAsync(client.ListDbSystemsAsync(new ListDbSystemsRequest("c"), CancellationToken.None), time, TimeSpan.FromMilliseconds(500));

        var at = handler.Requests.Select(r => r.At).ToList();
        var gaps = at.Zip(at.Skip(1), (a, b) => (b - a).TotalSeconds).ToList();
        double[] floors = [1, 2, 4, 8, 16, 30, 30];
        Assert.That(at, Has.Count.EqualTo(8));
        for (var i = 0; i < floors.Length; i++)
        {
            Assert.That(gaps[i], Is.GreaterThanOrEqualTo(floors[i]).And.LessThan(floors[i] + 1.5), $"gap {i}");
        }
    }

    [Test]
    public async Task Circuit_SustainedFailures_OpensThenClosesAfterBreak()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero));
        var failing = true;
        var handler = new ScriptedHandler((_, _) => failing ? ScriptedHandler.Error(503, "ServiceUnavailable") : ScriptedHandler.Json(HttpStatusCode.OK, Empty), time);
        var options = new OciResilienceOptions { MaxAttempts = 1, RateLimitPerSecond = 0, CircuitMinimumThroughput = 4, CircuitFailureRatio = 0.5, CircuitBreakDuration = TimeSpan.FromSeconds(30) };
        var client = PipelineFactory.Client(handler, options, time);
        var request = new ListDbSystemsRequest("c");

        for (var i = 0; i < 4; i++)
        {
            await Assert.ThrowsAsync<OciServiceException>(() => client.ListDbSystemsAsync(request, CancellationToken.None));
        }

        await Assert.ThrowsAsync<BrokenCircuitException>(() => client.ListDbSystemsAsync(request, CancellationToken.None));
        Assert.That(handler.Requests, Has.Count.EqualTo(4), "an open circuit must not reach the service");

        failing = false;
        time.Advance(TimeSpan.FromSeconds(31));
        var page = await client.ListDbSystemsAsync(request, CancellationToken.None);
        await client.ListDbSystemsAsync(request, CancellationToken.None);

        Assert.That(page.Items, Is.Empty);
        Assert.That(handler.Requests, Has.Count.EqualTo(6));
    }

    [Test]
    public async Task Error_MessageFromService_ScrubsAdminPassword()
    {
        var handler = new ScriptedHandler((_, _) => ScriptedHandler.Json(HttpStatusCode.BadRequest, """{"code":"InvalidParameter","message":"password Passw0rd!Zz is too weak"}"""));
        var client = PipelineFactory.Client(handler, PipelineFactory.NoDelays(), TimeProvider.System);

        var ex = await Assert.ThrowsAsync<OciServiceException>(() => client.CreateDbSystemAsync(
            new CreateDbSystemDetails { CompartmentId = "c", ShapeName = "s", SubnetId = "n", AdminPassword = "Passw0rd!Zz" }, null, CancellationToken.None));

        Assert.That(ex!.Message, Does.Not.Contain("Passw0rd!Zz").And.Contain("InvalidParameter"));
    }

    [Test]
    public async Task Error_UnparseableBody_IsBadErrorResponse()
    {
        var handler = new ScriptedHandler((_, _) => new HttpResponseMessage(HttpStatusCode.BadGateway) { Content = new StringContent("<html>") });
        var client = PipelineFactory.Client(handler, PipelineFactory.NoDelays(attempts: 1), TimeProvider.System);

        var ex = await Assert.ThrowsAsync<OciServiceException>(() => client.GetDbSystemAsync("x", null, CancellationToken.None));

        Assert.That(ex!.Code, Is.EqualTo("BadErrorResponse"));
        Assert.That(ex.IsRetryable, Is.True);
    }

    [TestCase(404, "NotAuthorizedOrNotFound", true, false, false)]
    [TestCase(409, "Conflict", false, true, false)]
    [TestCase(412, "NoEtagMatch", false, true, false)]
    [TestCase(401, "NotAuthenticated", false, false, true)]
    public void Helpers_Status_Classified(int status, string code, bool notFound, bool conflict, bool auth)
    {
        var ex = new OciServiceException("Op", (HttpStatusCode)status, code, "m", "r");

        Assert.That((ex.IsNotFound, ex.IsConflict, ex.IsAuth), Is.EqualTo((notFound, conflict, auth)));
    }
}
