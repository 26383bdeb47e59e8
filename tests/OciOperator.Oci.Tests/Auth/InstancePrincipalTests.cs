using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using OciOperator.Oci.Auth;
using OciOperator.Oci.Http;
using OciOperator.Oci.Mysql;
using OciOperator.Oci.Regions;
using OciOperator.Oci.Telemetry;
using OciOperator.Oci.Tests.Support;

namespace OciOperator.Oci.Tests.Auth;

public sealed class InstancePrincipalTests
{
    private FakeTimeProvider _time = null!;
    private FakeOciCloud _cloud = null!;
    private HttpClient _http = null!;

    [SetUp]
    public async Task SetUp()
    {
        _time = new FakeTimeProvider(new DateTimeOffset(2026, 3, 1, 12, 0, 0, TimeSpan.Zero));
        _cloud = await FakeOciCloud.StartAsync(_time);
        _http = new HttpClient();
    }

    [TearDown]
    public async Task TearDown()
    {
        _http.Dispose();
        await _cloud.DisposeAsync();
    }

    private InstancePrincipalAuthenticationProvider Provider() => new(
        _http,
        new InstancePrincipalOptions { MetadataBaseUrl = _cloud.MetadataBase, FederationEndpoint = _cloud.BaseAddress },
        OciRegions.BuiltIn,
        _time,
        NullLogger<InstancePrincipalAuthenticationProvider>.Instance);

    [Test]
    public async Task GetCredentials_FirstCall_FederatesWithTenancyAndRegionFromMetadata()
    {
        using var provider = Provider();

        var credentials = await provider.GetCredentialsAsync(CancellationToken.None);

        Assert.That(credentials.KeyId, Does.StartWith("ST$"));
        Assert.That(_cloud.IssuedTokens, Does.Contain(credentials.KeyId[3..]));
        Assert.That(credentials.PrivateKey.KeySize, Is.EqualTo(2048));
        Assert.That(provider.TenancyId, Is.EqualTo(FakeOciCloud.Tenancy));
        Assert.That(provider.Region, Is.EqualTo("us-ashburn-1"));
        Assert.That(_cloud.MetadataCallsWithoutBearer, Is.Zero);
    }

    [Test]
    public async Task GetCredentials_BeforeAndWithinFiveMinutesOfExpiry_RefreshesOnlyInsideBuffer()
    {
        using var provider = Provider();
        var first = await provider.GetCredentialsAsync(CancellationToken.None);

        _time.Advance(TimeSpan.FromMinutes(54));
        var stillFirst = await provider.GetCredentialsAsync(CancellationToken.None);
        _time.Advance(TimeSpan.FromMinutes(2));
        var second = await provider.GetCredentialsAsync(CancellationToken.None);

        Assert.That(stillFirst, Is.SameAs(first));
        Assert.That(second.KeyId, Is.Not.EqualTo(first.KeyId));
        Assert.That(second.PrivateKey, Is.Not.SameAs(first.PrivateKey), "a fresh session key per refresh");
        Assert.That(_cloud.FederationCalls, Is.EqualTo(2));
    }

    [Test]
    public async Task GetCredentials_ConcurrentCallers_FederateOnce()
    {
        using var provider = Provider();

        var all = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => provider.GetCredentialsAsync(CancellationToken.None).AsTask()));

        Assert.That(all.Select(c => c.KeyId).Distinct().Count(), Is.EqualTo(1));
        Assert.That(_cloud.FederationCalls, Is.EqualTo(1));
    }

    [Test]
    public async Task List_ThroughPipeline_SignedWithSessionKeyAndReauthenticatesAfter401()
    {
        using var provider = Provider();
        var pipeline = new OciHttpPipeline(_http, provider, _cloud.MysqlEndpoint, PipelineFactory.NoDelays(), _time, new OciOperator.Oci.Telemetry.OciTelemetry(), NullLogger.Instance);
        var client = new MysqlDbSystemClient(pipeline);

        var page1 = await client.ListDbSystemsAsync(new ListDbSystemsRequest("ocid1.compartment.oc1..c"), CancellationToken.None);
        _cloud.RevokeAll();
        var page2 = await client.ListDbSystemsAsync(new ListDbSystemsRequest("ocid1.compartment.oc1..c"), CancellationToken.None);

        Assert.That(page1.OpcRequestId, Is.EqualTo("fake-list-1"));
        Assert.That(page2.OpcRequestId, Is.EqualTo("fake-list-1"));
        Assert.That(_cloud.FederationCalls, Is.EqualTo(2));
    }

    [Test]
    public async Task GetCredentials_MetadataServiceAnswers404_ClearError()
    {
        using var provider = new InstancePrincipalAuthenticationProvider(
            _http, new InstancePrincipalOptions { MetadataBaseUrl = new Uri(_cloud.BaseAddress, "/nothing/") }, OciRegions.BuiltIn, _time,
            NullLogger<InstancePrincipalAuthenticationProvider>.Instance);

        var ex = await Assert.ThrowsAsync<OciAuthenticationException>(async () => await provider.GetCredentialsAsync(CancellationToken.None));

        Assert.That(ex!.Message, Does.Contain("instance/region").And.Contain("404"));
    }

    [Test]
    public async Task Factory_InstanceModeWithEnvOverrides_UsesMetadataAndFederationUrls()
    {
        var env = new FakeEnvironment(new()
        {
            ["USEINSTANCEPRINCIPAL"] = "true",
            ["OCI_METADATA_BASE_URL"] = _cloud.MetadataBase.AbsoluteUri,
            ["OCI_SDK_AUTH_CLIENT_REGION_URL"] = _cloud.BaseAddress.AbsoluteUri,
        });
        var factory = new AuthenticationProviderFactory(env.Lookup, _time, () => new HttpClient());

        var provider = factory.Create(new OciAuthOptions());
        var credentials = await provider.GetCredentialsAsync(CancellationToken.None);

        Assert.That(provider.PrincipalType, Is.EqualTo(PrincipalType.Instance));
        Assert.That(_cloud.IssuedTokens, Does.Contain(credentials.KeyId[3..]));
        Assert.That(await OciOperator.Oci.OciEndpoints.ResolveMysqlAsync(null, null, provider, factory.Regions, CancellationToken.None),
            Is.EqualTo(new Uri("https://mysql.us-ashburn-1.ocp.oraclecloud.com/20190415")));
    }
}
