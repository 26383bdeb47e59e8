using System.Net;
using System.Text.Json.Nodes;
using OciOperator.Sandbox.Oci.Tests.Support;

namespace OciOperator.Sandbox.Oci.Tests.Faults;

/// <summary>
/// Faults after processing (the request happened, the answer was lost) and concurrent retries: with one
/// opc-retry-token a client that retries ends up with exactly one DbSystem.
/// </summary>
public sealed class LostResponseTests
{
    private EmulatorHarness _harness = null!;

    [SetUp]
    public async Task SetUp() => _harness = await EmulatorHarness.StartAsync();

    [TearDown]
    public async Task TearDown() => await _harness.DisposeAsync();

    [Test]
    public async Task FailNextAfterProcessing_CreateAnswered503_DbSystemExistsAndRetryReturnsIt()
    {
        _harness.Emulator.Faults.FailNext(1, 503, operation: "CreateDbSystem", afterProcessing: true);

        var lost = await _harness.SendAsync(HttpMethod.Post, "20190415/dbSystems", EmulatorHarness.ValidCreateBody(),
            r => r.Headers.Add("opc-retry-token", "lost-1"));
        var (_, retried) = await _harness.CreateAsync(retryToken: "lost-1");

        Assert.That((int)lost.StatusCode, Is.EqualTo(503));
        Assert.That(_harness.Emulator.DbSystems.Select(d => d.Id), Is.EqualTo(new[] { (string?)retried["id"] }));
    }

    [Test]
    public async Task ResetNextAfterProcessing_Create_DbSystemExistsAnyway()
    {
        _harness.Emulator.Faults.ResetNext(1, operation: "CreateDbSystem", afterProcessing: true);

        Assert.That(async () => await _harness.SendAsync(HttpMethod.Post, "20190415/dbSystems", EmulatorHarness.ValidCreateBody()),
            Throws.InstanceOf<HttpRequestException>());

        Assert.That(_harness.Emulator.DbSystems, Has.Count.EqualTo(1));
    }

    [Test]
    public async Task RatioModeWithLostResponses_ClientRetryingWithOneToken_ExactlyOneDbSystem()
    {
        _harness.Emulator.Faults.SetFailureRatio(0.3, seed: 11, afterProcessingShare: 0.5);
        var created = 0;
        for (var create = 0; create < 10; create++)
        {
            var token = $"logical-create-{create}";
            for (var attempt = 0; attempt < 20; attempt++)
            {
                var response = await _harness.SendAsync(HttpMethod.Post, "20190415/dbSystems", EmulatorHarness.ValidCreateBody($"db{create}"),
                    r => r.Headers.Add("opc-retry-token", token));
                if (response.StatusCode == HttpStatusCode.OK)
                {
                    created++;
                    break;
                }
            }
        }

        Assert.That(created, Is.EqualTo(10));
        Assert.That(_harness.Emulator.DbSystems, Has.Count.EqualTo(10));
        Assert.That(_harness.Emulator.Calls.Count("CreateDbSystem"), Is.GreaterThan(10), "some attempts failed and were retried");
    }

    [Test]
    public async Task ConcurrentCreates_SameRetryToken_OneDbSystem()
    {
        var body = EmulatorHarness.ValidCreateBody();

        var responses = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => _harness.SendAsync(
            HttpMethod.Post, "20190415/dbSystems", (JsonObject)body.DeepClone(), r => r.Headers.Add("opc-retry-token", "same"))));

        Assert.That(responses.Select(r => r.StatusCode), Is.All.EqualTo(HttpStatusCode.OK));
        Assert.That(_harness.Emulator.DbSystems, Has.Count.EqualTo(1));
    }
}
