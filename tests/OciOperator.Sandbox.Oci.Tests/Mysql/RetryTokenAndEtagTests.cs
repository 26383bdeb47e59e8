using System.Net;
using System.Text.Json.Nodes;
using OciOperator.Sandbox.Oci.Tests.Support;

namespace OciOperator.Sandbox.Oci.Tests.Mysql;

/// <summary>opc-retry-token idempotency, If-Match (412) and If-None-Match (304).</summary>
public sealed class RetryTokenAndEtagTests
{
    private EmulatorHarness _harness = null!;

    [SetUp]
    public async Task SetUp() => _harness = await EmulatorHarness.StartAsync();

    [TearDown]
    public async Task TearDown() => await _harness.DisposeAsync();

    [Test]
    public async Task Create_SameRetryTokenAndBody_ReturnsSameDbSystem()
    {
        var (first, firstBody) = await _harness.CreateAsync(retryToken: "token-1");
        var (second, secondBody) = await _harness.CreateAsync(retryToken: "token-1");

        Assert.That((string?)secondBody["id"], Is.EqualTo((string?)firstBody["id"]));
        Assert.That(second.Headers.GetValues("opc-work-request-id"), Is.EqualTo(first.Headers.GetValues("opc-work-request-id")));
        Assert.That(_harness.Emulator.DbSystems, Has.Count.EqualTo(1));
    }

    [Test]
    public async Task Create_SameRetryTokenDifferentBody_409InvalidatedRetryToken()
    {
        await _harness.CreateAsync(retryToken: "token-2");

        var response = await _harness.SendAsync(HttpMethod.Post, "20190415/dbSystems", EmulatorHarness.ValidCreateBody("other"),
            request => request.Headers.Add("opc-retry-token", "token-2"));

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Conflict));
        Assert.That((string?)(await EmulatorHarness.ErrorOf(response))["code"], Is.EqualTo("InvalidatedRetryToken"));
        Assert.That(_harness.Emulator.DbSystems, Has.Count.EqualTo(1));
    }

    [Test]
    public async Task Create_NoRetryToken_EachCallCreates()
    {
        await _harness.CreateAsync();
        await _harness.CreateAsync();

        Assert.That(_harness.Emulator.DbSystems, Has.Count.EqualTo(2));
    }

    [Test]
    public async Task Update_StaleIfMatch_412NoEtagMatch()
    {
        var (created, body) = await _harness.CreateAsync();
        var staleEtag = created.Headers.GetValues("etag").Single();
        var id = (string)body["id"]!;
        _harness.Emulator.SetIpAddress(id, "10.0.7.7");

        var response = await _harness.SendAsync(HttpMethod.Put, $"20190415/dbSystems/{id}", new JsonObject { ["displayName"] = "x" },
            request => request.Headers.TryAddWithoutValidation("if-match", staleEtag));

        Assert.That((int)response.StatusCode, Is.EqualTo(412));
        Assert.That((string?)(await EmulatorHarness.ErrorOf(response))["code"], Is.EqualTo("NoEtagMatch"));
    }

    [Test]
    public async Task Update_CurrentIfMatch_Accepted()
    {
        var (_, body) = await _harness.CreateAsync();
        var id = (string)body["id"]!;
        var etag = (await _harness.SendAsync(HttpMethod.Get, $"20190415/dbSystems/{id}")).Headers.GetValues("etag").Single();

        var response = await _harness.SendAsync(HttpMethod.Put, $"20190415/dbSystems/{id}", new JsonObject { ["displayName"] = "x" },
            request => request.Headers.TryAddWithoutValidation("if-match", etag));

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Accepted));
    }

    [Test]
    public async Task Delete_StaleIfMatch_412()
    {
        var (_, body) = await _harness.CreateAsync();

        var response = await _harness.SendAsync(HttpMethod.Delete, $"20190415/dbSystems/{body["id"]}",
            configure: request => request.Headers.TryAddWithoutValidation("if-match", "0000"));

        Assert.That((int)response.StatusCode, Is.EqualTo(412));
    }

    [Test]
    public async Task Get_IfNoneMatchCurrent_304ThenChangedGives200()
    {
        var (_, body) = await _harness.CreateAsync();
        var id = (string)body["id"]!;
        var etag = (await _harness.SendAsync(HttpMethod.Get, $"20190415/dbSystems/{id}")).Headers.GetValues("etag").Single();

        var unchanged = await _harness.SendAsync(HttpMethod.Get, $"20190415/dbSystems/{id}",
            configure: request => request.Headers.TryAddWithoutValidation("if-none-match", etag));
        _harness.Emulator.SetMysqlVersion(id, "9.3.0");
        var changed = await _harness.SendAsync(HttpMethod.Get, $"20190415/dbSystems/{id}",
            configure: request => request.Headers.TryAddWithoutValidation("if-none-match", etag));

        Assert.That(unchanged.StatusCode, Is.EqualTo(HttpStatusCode.NotModified));
        Assert.That(changed.StatusCode, Is.EqualTo(HttpStatusCode.OK));
    }
}
