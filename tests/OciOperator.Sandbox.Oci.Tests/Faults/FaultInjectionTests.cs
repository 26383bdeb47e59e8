using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Time.Testing;
using OciOperator.Sandbox.Oci;
using OciOperator.Sandbox.Oci.Tests.Support;

namespace OciOperator.Sandbox.Oci.Tests.Faults;

/// <summary>OciFaults over real HTTP: bursts, hangs, resets, latency, ratio mode; the call log counts them.</summary>
public sealed class FaultInjectionTests
{
    private EmulatorHarness _harness = null!;

    private static string ListPath => $"20190415/dbSystems?compartmentId={EmulatorHarness.CompartmentId}";

    [SetUp]
    public async Task SetUp() => _harness = await EmulatorHarness.StartAsync();

    [TearDown]
    public async Task TearDown() => await _harness.DisposeAsync();

    [Test]
    public async Task FailNext_429BurstWithRetryAfter_ThenSuccess()
    {
        _harness.Emulator.Faults.FailNext(2, 429, TimeSpan.FromSeconds(3));

        var first = await _harness.SendAsync(HttpMethod.Get, ListPath);
        var second = await _harness.SendAsync(HttpMethod.Get, ListPath);
        var third = await _harness.SendAsync(HttpMethod.Get, ListPath);

        Assert.That((int)first.StatusCode, Is.EqualTo(429));
        Assert.That(first.Headers.GetValues("retry-after").Single(), Is.EqualTo("3"));
        Assert.That((string?)(await EmulatorHarness.ErrorOf(first))["code"], Is.EqualTo("TooManyRequests"));
        Assert.That((int)second.StatusCode, Is.EqualTo(429));
        Assert.That(third.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(_harness.Emulator.Calls.Count("ListDbSystems"), Is.EqualTo(3));
        Assert.That(_harness.Emulator.Calls.CountSucceeded("ListDbSystems"), Is.EqualTo(1));
    }

    [TestCase(500, "InternalServerError")]
    [TestCase(502, "BadGateway")]
    [TestCase(503, "ServiceUnavailable")]
    [TestCase(504, "GatewayTimeout")]
    public async Task FailNext_ServerError_AnswersStatusAndCode(int status, string code)
    {
        _harness.Emulator.Faults.FailNext(1, status);

        var response = await _harness.SendAsync(HttpMethod.Get, ListPath);

        Assert.That((int)response.StatusCode, Is.EqualTo(status));
        Assert.That((string?)(await EmulatorHarness.ErrorOf(response))["code"], Is.EqualTo(code));
        Assert.That(response.Headers.Contains("opc-request-id"), Is.True);
    }

    [Test]
    public async Task FailNext_ScopedToOperation_OtherOperationsUnaffected()
    {
        _harness.Emulator.Faults.FailNext(1, 503, operation: "CreateDbSystem");

        var list = await _harness.SendAsync(HttpMethod.Get, ListPath);
        var create = await _harness.SendAsync(HttpMethod.Post, "20190415/dbSystems", EmulatorHarness.ValidCreateBody());

        Assert.That(list.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That((int)create.StatusCode, Is.EqualTo(503));
        Assert.That(_harness.Emulator.DbSystems, Is.Empty, "a failed create creates nothing");
    }

    [Test]
    public async Task FailNext_Unscoped_DoesNotHitIdentityEndpoints()
    {
        _harness.Emulator.Faults.FailNext(1, 500);
        using var plain = new HttpClient { BaseAddress = _harness.Emulator.InstanceMetadataEndpoint };
        using var request = new HttpRequestMessage(HttpMethod.Get, "instance/region");
        request.Headers.TryAddWithoutValidation("Authorization", "Bearer Oracle");

        var response = await plain.SendAsync(request);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(_harness.Emulator.Faults.Pending, Is.EqualTo(1));
    }

    [Test]
    public async Task HangNext_ClientGivesUp_ThenNextCallSucceedsAndHangIsLogged()
    {
        _harness.Emulator.Faults.HangNext(1);
        using var giveUp = new CancellationTokenSource(TimeSpan.FromMilliseconds(300));

        Assert.That(async () => await _harness.Http.GetAsync(new Uri(ListPath, UriKind.Relative), giveUp.Token),
            Throws.InstanceOf<OperationCanceledException>());
        var next = await _harness.SendAsync(HttpMethod.Get, ListPath);

        Assert.That(next.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        await Eventually.UntilAsync(
            () => Task.FromResult(_harness.Emulator.Calls.All.Count(c => c.ErrorCode == "Timeout")), count => count == 1, "one timed-out call in the log");
    }

    [Test]
    public async Task ResetNext_ConnectionAborted_ClientSeesNetworkError()
    {
        _harness.Emulator.Faults.ResetNext(1);

        Assert.That(async () => await _harness.SendAsync(HttpMethod.Get, ListPath), Throws.InstanceOf<HttpRequestException>());
        var next = await _harness.SendAsync(HttpMethod.Get, ListPath);

        Assert.That(next.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(_harness.Emulator.Calls.All.Select(c => c.ErrorCode), Is.EqualTo(new[] { "ConnectionReset", null }));
    }

    [Test]
    public async Task FailureRatio_ThirtyPercent_RoughlyThatShareFailsWithRetryableStatuses()
    {
        _harness.Emulator.Faults.SetFailureRatio(0.3, seed: 7);

        var statuses = new List<int>();
        for (var i = 0; i < 200; i++)
        {
            statuses.Add((int)(await _harness.SendAsync(HttpMethod.Get, ListPath)).StatusCode);
        }

        var failures = statuses.Count(s => s != 200);
        Assert.That(failures, Is.InRange(40, 80));
        Assert.That(statuses.Where(s => s != 200).Distinct(), Is.SubsetOf(new[] { 429, 500, 502, 503, 504 }));
        _harness.Emulator.Faults.Clear();
        Assert.That((await _harness.SendAsync(HttpMethod.Get, ListPath)).StatusCode, Is.EqualTo(HttpStatusCode.OK));
    }

    [Test]
    public void Enqueue_InvalidStatus_Throws()
    {
        Assert.That(() => _harness.Emulator.Faults.FailNext(1, 200), Throws.InstanceOf<ArgumentOutOfRangeException>());
        Assert.That(() => _harness.Emulator.Faults.SetFailureRatio(1.5), Throws.InstanceOf<ArgumentOutOfRangeException>());
    }

    [Test]
    public async Task CallLog_CountsPerOperation()
    {
        var (_, created) = await _harness.CreateAsync();
        await _harness.GetAsync((string)created["id"]!);
        await _harness.GetAsync((string)created["id"]!);
        await _harness.SendAsync(HttpMethod.Get, ListPath);

        var counts = _harness.Emulator.Calls.CountsByOperation();

        Assert.That(counts, Is.EquivalentTo(new Dictionary<string, int> { ["CreateDbSystem"] = 1, ["GetDbSystem"] = 2, ["ListDbSystems"] = 1 }));
        Assert.That(_harness.Emulator.Calls.All.Select(c => c.OpcRequestId).Distinct().Count(), Is.EqualTo(4));
    }

    [Test]
    public async Task CallLog_EchoesClientOpcRequestId()
    {
        var response = await _harness.SendAsync(HttpMethod.Get, ListPath, configure: r => r.Headers.Add("opc-request-id", "CLIENT-ID-1"));

        Assert.That(response.Headers.GetValues("opc-request-id").Single(), Is.EqualTo("CLIENT-ID-1"));
        Assert.That(_harness.Emulator.Calls.All.Single().OpcRequestId, Is.EqualTo("CLIENT-ID-1"));
    }
}
