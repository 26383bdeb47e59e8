using System.Buffers.Text;
using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using OciOperator.Sandbox.Oci.Tests.Support;

namespace OciOperator.Sandbox.Oci.Tests.Identity;

/// <summary>Resource principal v2.2 (RPST) and OKE workload identity (proxymux) tokens authenticate MySQL calls.</summary>
public sealed class WorkloadTokenFlowTests
{
    private static readonly Lazy<RSA> SessionKey = new(() => RSA.Create(2048));
    private EmulatorHarness _harness = null!;
    private HttpClient _plain = null!;

    [OneTimeSetUp]
    public async Task OneTimeSetUp()
    {
        _harness = await EmulatorHarness.StartAsync();
        _harness.Emulator.RegisterServiceAccountToken("sa-token-1");
        _plain = new HttpClient { BaseAddress = _harness.Emulator.OkeProxymuxEndpoint };
    }

    [OneTimeTearDown]
    public async Task OneTimeTearDown()
    {
        _plain.Dispose();
        await _harness.DisposeAsync();
    }

    [SetUp]
    public void SetUp() => _harness.CredentialsOverride = null;

    [Test]
    public async Task ResourcePrincipalToken_SignsMysqlCall_AcceptedWithClaims()
    {
        var rpst = _harness.Emulator.IssueResourcePrincipalToken(SessionKey.Value, EmulatorHarness.CompartmentId);
        _harness.CredentialsOverride = ("ST$" + rpst, SessionKey.Value);

        var response = await _harness.SendAsync(HttpMethod.Get, $"20190415/dbSystems?compartmentId={EmulatorHarness.CompartmentId}");

        var claims = JsonNode.Parse(Base64Url.DecodeFromChars(rpst.Split('.')[1]))!;
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That((string?)claims["res_tenant"], Is.EqualTo(_harness.Emulator.TenancyId));
        Assert.That((string?)claims["res_compartment"], Is.EqualTo(EmulatorHarness.CompartmentId));
    }

    [TestCase(true, TestName = "OkeProxymux_PemPodKey_TokenAuthenticatesMysql")]
    [TestCase(false, TestName = "OkeProxymux_Base64DerPodKey_TokenAuthenticatesMysql")]
    public async Task OkeProxymux_PodKey_TokenAuthenticatesMysql(bool pem)
    {
        var podKey = pem ? SessionKey.Value.ExportSubjectPublicKeyInfoPem() : Convert.ToBase64String(SessionKey.Value.ExportSubjectPublicKeyInfo());

        var response = await RequestTokenAsync("sa-token-1", podKey);
        var literal = await response.Content.ReadFromJsonAsync<string>();
        var inner = JsonNode.Parse(Encoding.UTF8.GetString(Convert.FromBase64String(literal!)))!;
        var token = (string)inner["token"]!;
        _harness.CredentialsOverride = (token, SessionKey.Value);
        var list = await _harness.SendAsync(HttpMethod.Get, $"20190415/dbSystems?compartmentId={EmulatorHarness.CompartmentId}");

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(token, Does.StartWith("ST$"));
        Assert.That(list.StatusCode, Is.EqualTo(HttpStatusCode.OK));
    }

    [Test]
    public async Task OkeProxymux_UnknownServiceAccountToken_401()
    {
        var response = await RequestTokenAsync("someone-else", SessionKey.Value.ExportSubjectPublicKeyInfoPem());

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
    }

    [Test]
    public async Task OkeProxymux_GarbagePodKey_400()
    {
        var response = await RequestTokenAsync("sa-token-1", "not a key");

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
    }

    private async Task<HttpResponseMessage> RequestTokenAsync(string serviceAccountToken, string podKey)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "resourcePrincipalSessionTokens")
        {
            Content = EmulatorHarness.Json(new JsonObject { ["podKey"] = podKey }),
        };
        request.Headers.TryAddWithoutValidation("Authorization", "Bearer " + serviceAccountToken);
        return await _plain.SendAsync(request);
    }
}
