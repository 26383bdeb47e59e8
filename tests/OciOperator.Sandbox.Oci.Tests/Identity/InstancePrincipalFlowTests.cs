using System.Buffers.Text;
using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Time.Testing;
using OciOperator.Sandbox.Oci;
using OciOperator.Sandbox.Oci.Tests.Support;

namespace OciOperator.Sandbox.Oci.Tests.Identity;

/// <summary>
/// The instance-principal flow as the SDKs run it: IMDS v2 (region, leaf cert and key, intermediate), federation
/// POST /v1/x509 signed with the leaf key, then MySQL calls signed with the session key and keyId ST$&lt;jwt&gt;.
/// </summary>
public sealed class InstancePrincipalFlowTests
{
    private static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(20);
    private static readonly Lazy<RSA> SharedSessionKey = new(() => RSA.Create(2048));
    private FakeTimeProvider _clock = null!;
    private EmulatorHarness _harness = null!;
    private HttpClient _plain = null!;

    // One emulator for the fixture: generating its certificate chain is the slow part. Each test federates afresh.
    [OneTimeSetUp]
    public async Task OneTimeSetUp()
    {
        _clock = new FakeTimeProvider(new DateTimeOffset(2026, 6, 1, 8, 0, 0, TimeSpan.Zero));
        _harness = await EmulatorHarness.StartAsync(new OciEmulatorOptions { TimeProvider = _clock, SessionTokenLifetime = Lifetime, Region = "us-ashburn-1" });
        _plain = new HttpClient { BaseAddress = _harness.Emulator.InstanceMetadataEndpoint };
    }

    [SetUp]
    public void SetUp()
    {
        _harness.CredentialsOverride = null;
        _harness.Signer.HeadersOverride = null;
    }

    [OneTimeTearDown]
    public async Task OneTimeTearDown()
    {
        _plain.Dispose();
        await _harness.DisposeAsync();
    }

    [Test]
    public async Task Metadata_WithoutBearerOracle_401()
    {
        var response = await _plain.GetAsync(new Uri("instance/region", UriKind.Relative));

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
    }

    [TestCase("instance/region", "iad")]
    [TestCase("instance/canonicalRegionName", "us-ashburn-1")]
    public async Task Metadata_RegionPaths_AnswerPlainText(string path, string expected)
    {
        Assert.That(await MetadataAsync(path), Is.EqualTo(expected));
    }

    [Test]
    public async Task Metadata_InstanceDocumentAndRegionInfo_Consistent()
    {
        var instance = JsonNode.Parse(await MetadataAsync("instance/"))!;
        var regionInfo = JsonNode.Parse(await MetadataAsync("instance/regionInfo"))!;

        Assert.That((string?)instance["id"], Is.EqualTo(_harness.Emulator.InstanceId));
        Assert.That(await MetadataAsync("instance/id"), Is.EqualTo(_harness.Emulator.InstanceId));
        Assert.That((string?)regionInfo["regionKey"], Is.EqualTo("IAD"));
        Assert.That((string?)regionInfo["realmDomainComponent"], Is.EqualTo("oraclecloud.com"));
    }

    [Test]
    public async Task Metadata_Certificates_LeafCarriesTenancyAndChainsToRoot()
    {
        using var leaf = X509Certificate2.CreateFromPem(await MetadataAsync("identity/cert.pem"));
        using var intermediate = X509Certificate2.CreateFromPem(await MetadataAsync("identity/intermediate.pem"));
        using var root = X509Certificate2.CreateFromPem(_harness.Emulator.RootCertificatePem);
        using var leafKey = RSA.Create();
        leafKey.ImportFromPem(await MetadataAsync("identity/key.pem"));
        using var chain = new X509Chain();
        chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
        chain.ChainPolicy.CustomTrustStore.Add(root);
        chain.ChainPolicy.ExtraStore.Add(intermediate);
        chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;

        Assert.That(leaf.Subject, Does.Contain($"OU=opc-tenant:{_harness.Emulator.TenancyId}"));
        Assert.That(leaf.Subject, Does.Contain($"OU=opc-instance:{_harness.Emulator.InstanceId}"));
        Assert.That(chain.Build(leaf), Is.True, string.Join("; ", chain.ChainStatus.Select(s => s.StatusInformation)));
        Assert.That(leaf.GetRSAPublicKey()!.ExportSubjectPublicKeyInfo(), Is.EqualTo(leafKey.ExportSubjectPublicKeyInfo()));
    }

    [TestCase(false, TestName = "Federate_DotNetStyleSha1KeyIdWithHost_TokenAuthenticatesMysql")]
    [TestCase(true, TestName = "Federate_GoStyleSha256KeyIdWithoutHost_TokenAuthenticatesMysql")]
    public async Task Federate_SignedWithLeafKey_TokenAuthenticatesMysql(bool goStyle)
    {
        var sessionKey = SharedSessionKey.Value;

        var token = await FederateAsync(sessionKey, goStyle);
        _harness.CredentialsOverride = ("ST$" + token, sessionKey);
        var list = await _harness.SendAsync(HttpMethod.Get, $"20190415/dbSystems?compartmentId={EmulatorHarness.CompartmentId}");

        var claims = Claims(token);
        var jwk = JsonNode.Parse((string)claims["jwk"]!)!;
        Assert.That(list.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That((long)claims["exp"]! - (long)claims["iat"]!, Is.EqualTo((long)Lifetime.TotalSeconds));
        Assert.That((string?)claims["tenant"], Is.EqualTo(_harness.Emulator.TenancyId));
        Assert.That(Base64Url.DecodeFromChars((string)jwk["n"]!), Is.EqualTo(sessionKey.ExportParameters(false).Modulus));
        Assert.That(_harness.Emulator.Calls.All.Last(c => c.Operation == "FederateX509").Status, Is.EqualTo(200));
    }

    [Test]
    public async Task SessionToken_AfterExpiry_401ThenNewTokenWorks()
    {
        var sessionKey = SharedSessionKey.Value;
        var token = await FederateAsync(sessionKey, goStyle: false);
        _harness.CredentialsOverride = ("ST$" + token, sessionKey);

        _clock.Advance(Lifetime);
        var expired = await _harness.SendAsync(HttpMethod.Get, $"20190415/dbSystems?compartmentId={EmulatorHarness.CompartmentId}");
        _harness.CredentialsOverride = null;
        var fresh = await FederateAsync(sessionKey, goStyle: false);
        _harness.CredentialsOverride = ("ST$" + fresh, sessionKey);
        var again = await _harness.SendAsync(HttpMethod.Get, $"20190415/dbSystems?compartmentId={EmulatorHarness.CompartmentId}");

        Assert.That(expired.StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
        Assert.That((string?)(await EmulatorHarness.ErrorOf(expired))["message"], Does.Contain("expired"));
        Assert.That(again.StatusCode, Is.EqualTo(HttpStatusCode.OK));
    }

    [Test]
    public async Task RevokeSessionTokens_ValidToken_401ThenReFederatedTokenWorks()
    {
        var sessionKey = SharedSessionKey.Value;
        var token = await FederateAsync(sessionKey, goStyle: false);

        _harness.Emulator.RevokeSessionTokens();
        _harness.CredentialsOverride = ("ST$" + token, sessionKey);
        var revoked = await _harness.SendAsync(HttpMethod.Get, $"20190415/dbSystems?compartmentId={EmulatorHarness.CompartmentId}");
        var fresh = await FederateAsync(sessionKey, goStyle: false);
        _harness.CredentialsOverride = ("ST$" + fresh, sessionKey);
        var again = await _harness.SendAsync(HttpMethod.Get, $"20190415/dbSystems?compartmentId={EmulatorHarness.CompartmentId}");

        Assert.That(revoked.StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
        Assert.That((string?)(await EmulatorHarness.ErrorOf(revoked))["message"], Does.Contain("revoked"));
        Assert.That(again.StatusCode, Is.EqualTo(HttpStatusCode.OK));
    }

    [Test]
    public async Task SessionToken_SignedWithOtherKey_401()
    {
        var sessionKey = SharedSessionKey.Value;
        var token = await FederateAsync(sessionKey, goStyle: false);
        _harness.CredentialsOverride = ("ST$" + token, _harness.UserKey);

        var response = await _harness.SendAsync(HttpMethod.Get, $"20190415/dbSystems?compartmentId={EmulatorHarness.CompartmentId}");

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
    }

    [Test]
    public async Task SessionToken_ForgedPayload_401()
    {
        var sessionKey = SharedSessionKey.Value;
        var token = await FederateAsync(sessionKey, goStyle: false);
        var parts = token.Split('.');
        var claims = Claims(token);
        claims["exp"] = (long)claims["exp"]! + 3600;
        var forged = $"{parts[0]}.{Base64Url.EncodeToString(Encoding.UTF8.GetBytes(claims.ToJsonString()))}.{parts[2]}";
        _harness.CredentialsOverride = ("ST$" + forged, sessionKey);

        var response = await _harness.SendAsync(HttpMethod.Get, $"20190415/dbSystems?compartmentId={EmulatorHarness.CompartmentId}");

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
    }

    [Test]
    public async Task Federate_WrongFingerprint_401()
    {
        var sessionKey = SharedSessionKey.Value;
        var (body, leafKey, _) = await FederationRequestAsync(sessionKey);
        _harness.CredentialsOverride = ($"{_harness.Emulator.TenancyId}/fed-x509/00:11:22", leafKey);

        var response = await _harness.SendAsync(HttpMethod.Post, "v1/x509", body);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
    }

    [Test]
    public async Task Federate_SignedWithOtherKey_401()
    {
        var sessionKey = SharedSessionKey.Value;
        var (body, _, keyId) = await FederationRequestAsync(sessionKey);
        _harness.CredentialsOverride = (keyId, _harness.UserKey);

        var response = await _harness.SendAsync(HttpMethod.Post, "v1/x509", body);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
    }

    [Test]
    public async Task Federate_SmallSessionKey_400()
    {
        using var sessionKey = RSA.Create(1024);

        var (body, leafKey, keyId) = await FederationRequestAsync(sessionKey);
        _harness.CredentialsOverride = (keyId, leafKey);
        var response = await _harness.SendAsync(HttpMethod.Post, "v1/x509", body);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
    }

    [Test]
    public async Task RefreshSessionToken_SignedWithCurrentToken_NewValidToken()
    {
        var sessionKey = SharedSessionKey.Value;
        var token = await FederateAsync(sessionKey, goStyle: false);
        _harness.CredentialsOverride = ("ST$" + token, sessionKey);
        _clock.Advance(TimeSpan.FromMinutes(10));

        var response = await _harness.SendAsync(HttpMethod.Post, "v1/authentication/refresh", new JsonObject { ["currentToken"] = token });
        var refreshed = (string)(await response.Content.ReadFromJsonAsync<JsonObject>())!["token"]!;
        _clock.Advance(TimeSpan.FromMinutes(15));
        _harness.CredentialsOverride = ("ST$" + refreshed, sessionKey);
        var list = await _harness.SendAsync(HttpMethod.Get, $"20190415/dbSystems?compartmentId={EmulatorHarness.CompartmentId}");

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(list.StatusCode, Is.EqualTo(HttpStatusCode.OK), "the refreshed token outlives the original");
    }

    private async Task<string> MetadataAsync(string path)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.TryAddWithoutValidation("Authorization", "Bearer Oracle");
        var response = await _plain.SendAsync(request);
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), path);
        return await response.Content.ReadAsStringAsync();
    }

    private async Task<(JsonObject Body, RSA LeafKey, string KeyId)> FederationRequestAsync(RSA sessionKey, bool goStyle = false)
    {
        using var leaf = X509Certificate2.CreateFromPem(await MetadataAsync("identity/cert.pem"));
        using var intermediate = X509Certificate2.CreateFromPem(await MetadataAsync("identity/intermediate.pem"));
        var leafKey = RSA.Create();
        leafKey.ImportFromPem(await MetadataAsync("identity/key.pem"));
        var tenancy = leaf.SubjectName.EnumerateRelativeDistinguishedNames()
            .Select(n => n.GetSingleElementValue() ?? string.Empty)
            .Single(v => v.StartsWith("opc-tenant:", StringComparison.Ordinal))["opc-tenant:".Length..];
        var fingerprint = goStyle ? SHA256.HashData(leaf.RawData) : SHA1.HashData(leaf.RawData);
        var keyId = $"{tenancy}/{(goStyle ? "fed-x509-sha256" : "fed-x509")}/{string.Join(':', fingerprint.Select(b => b.ToString("x2", System.Globalization.CultureInfo.InvariantCulture)))}";
        var body = new JsonObject
        {
            ["certificate"] = Convert.ToBase64String(leaf.RawData),
            ["publicKey"] = Convert.ToBase64String(sessionKey.ExportSubjectPublicKeyInfo()),
            ["intermediateCertificates"] = new JsonArray(Convert.ToBase64String(intermediate.RawData)),
        };
        body[goStyle ? "fingerprintAlgorithm" : "purpose"] = goStyle ? "SHA256" : "DEFAULT";
        return (body, leafKey, keyId);
    }

    private async Task<string> FederateAsync(RSA sessionKey, bool goStyle)
    {
        var (body, leafKey, keyId) = await FederationRequestAsync(sessionKey, goStyle);
        using (leafKey)
        {
            _harness.CredentialsOverride = (keyId, leafKey);
            _harness.Signer.HeadersOverride = goStyle ? ["date", "(request-target)", "content-length", "content-type", "x-content-sha256"] : null;
            var response = await _harness.SendAsync(HttpMethod.Post, "v1/x509", body);
            _harness.Signer.HeadersOverride = null;
            _harness.CredentialsOverride = null;
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), await response.Content.ReadAsStringAsync());
            return (string)(await response.Content.ReadFromJsonAsync<JsonObject>())!["token"]!;
        }
    }

    private static JsonObject Claims(string jwt) => JsonNode.Parse(Base64Url.DecodeFromChars(jwt.Split('.')[1]))!.AsObject();
}
