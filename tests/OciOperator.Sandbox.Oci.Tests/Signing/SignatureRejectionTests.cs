using System.Net;
using System.Security.Cryptography;
using System.Text;
using OciOperator.Sandbox.Oci.Tests.Support;

namespace OciOperator.Sandbox.Oci.Tests.Signing;

/// <summary>Requests with bad, missing, stale or tampered signatures get 401 NotAuthenticated over real HTTP.</summary>
public sealed class SignatureRejectionTests
{
    private EmulatorHarness _harness = null!;

    [SetUp]
    public async Task SetUp() => _harness = await EmulatorHarness.StartAsync();

    [TearDown]
    public async Task TearDown() => await _harness.DisposeAsync();

    [Test]
    public async Task Request_SignedWithRegisteredKey_Accepted()
    {
        var response = await _harness.SendAsync(HttpMethod.Get, $"20190415/dbSystems?compartmentId={EmulatorHarness.CompartmentId}");

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
    }

    [Test]
    public async Task Request_Unsigned_401NotAuthenticated()
    {
        using var plain = new HttpClient { BaseAddress = _harness.Emulator.BaseAddress };

        var response = await plain.GetAsync(new Uri($"20190415/dbSystems?compartmentId={EmulatorHarness.CompartmentId}", UriKind.Relative));

        await AssertNotAuthenticated(response, "no Authorization header");
    }

    [Test]
    public async Task Request_SignedWithWrongKeyForKeyId_401()
    {
        using var other = RSA.Create(2048);
        _harness.CredentialsOverride = (_harness.UserKeyId, other);

        var response = await _harness.SendAsync(HttpMethod.Get, $"20190415/dbSystems?compartmentId={EmulatorHarness.CompartmentId}");

        await AssertNotAuthenticated(response, "does not match");
    }

    [Test]
    public async Task Request_UnknownKeyId_401()
    {
        _harness.CredentialsOverride = ($"{_harness.Emulator.TenancyId}/ocid1.user.oc1..stranger/aa:bb", _harness.UserKey);

        var response = await _harness.SendAsync(HttpMethod.Get, $"20190415/dbSystems?compartmentId={EmulatorHarness.CompartmentId}");

        await AssertNotAuthenticated(response, "neither a registered API key");
    }

    [TestCase(6, false)]
    [TestCase(-6, false)]
    [TestCase(4, true)]
    public async Task Request_ClockSkewMinutes_AcceptedOnlyWithinFiveMinutes(int minutes, bool accepted)
    {
        _harness.Signer.ClockOffset = TimeSpan.FromMinutes(minutes);

        var response = await _harness.SendAsync(HttpMethod.Get, $"20190415/dbSystems?compartmentId={EmulatorHarness.CompartmentId}");

        if (accepted)
        {
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        }
        else
        {
            await AssertNotAuthenticated(response, "clock");
        }
    }

    [Test]
    public async Task Create_BodyTamperedAfterSigning_401AndNothingCreated()
    {
        _harness.Signer.TamperAfterSigning = request =>
        {
            var original = request.Content!;
            var tampered = new ByteArrayContent(Encoding.UTF8.GetBytes(EmulatorHarness.ValidCreateBody("evil").ToJsonString()));
            foreach (var header in original.Headers.Where(h => h.Key != "Content-Length"))
            {
                tampered.Headers.TryAddWithoutValidation(header.Key, header.Value);
            }

            request.Content = tampered;
        };

        var response = await _harness.SendAsync(HttpMethod.Post, "20190415/dbSystems", EmulatorHarness.ValidCreateBody());

        await AssertNotAuthenticated(response, "x-content-sha256");
        Assert.That(_harness.Emulator.DbSystems, Is.Empty);
    }

    [Test]
    public async Task Request_QueryTamperedAfterSigning_401()
    {
        _harness.Signer.TamperAfterSigning = request =>
            request.RequestUri = new Uri(request.RequestUri!.AbsoluteUri.Replace("compartmentId=", "displayName=x&compartmentId=", StringComparison.Ordinal));

        var response = await _harness.SendAsync(HttpMethod.Get, $"20190415/dbSystems?compartmentId={EmulatorHarness.CompartmentId}");

        await AssertNotAuthenticated(response, "does not match");
    }

    [Test]
    public async Task Post_BodyHeadersNotSigned_401NamingThem()
    {
        _harness.Signer.HeadersOverride = ["date", "(request-target)", "host"];

        var response = await _harness.SendAsync(HttpMethod.Post, "20190415/dbSystems", EmulatorHarness.ValidCreateBody());

        await AssertNotAuthenticated(response, "content-length, content-type, x-content-sha256");
    }

    [Test]
    public async Task Get_HostNotSigned_401()
    {
        _harness.Signer.HeadersOverride = ["date", "(request-target)"];

        var response = await _harness.SendAsync(HttpMethod.Get, $"20190415/dbSystems?compartmentId={EmulatorHarness.CompartmentId}");

        await AssertNotAuthenticated(response, "host");
    }

    [Test]
    public async Task Rejection_CallLog_RecordsNotAuthenticated()
    {
        using var plain = new HttpClient { BaseAddress = _harness.Emulator.BaseAddress };

        await plain.GetAsync(new Uri("20190415/dbSystems/ocid1.mysqldbsystem.oc1.iad.x", UriKind.Relative));

        var call = _harness.Emulator.Calls.All.Single();
        Assert.That((call.Operation, call.Status, call.ErrorCode), Is.EqualTo(("GetDbSystem", 401, "NotAuthenticated")));
    }

    private static async Task AssertNotAuthenticated(HttpResponseMessage response, string messagePart)
    {
        var error = await EmulatorHarness.ErrorOf(response);
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
        Assert.That((string?)error["code"], Is.EqualTo("NotAuthenticated"));
        Assert.That((string?)error["message"], Does.Contain(messagePart));
        Assert.That(response.Headers.Contains("opc-request-id"), Is.True);
    }
}
