using Microsoft.Extensions.Time.Testing;
using OciOperator.Oci.Auth;
using OciOperator.Oci.Diagnostics;
using OciOperator.Oci.Tests.Support;

namespace OciOperator.Oci.Tests.Diagnostics;

public sealed class OciCheckTests
{
    private const string Compartment = "ocid1.compartment.oc1..c";
    private FakeTimeProvider _time = null!;
    private FakeOciCloud _cloud = null!;

    [SetUp]
    public async Task SetUp()
    {
        // The fake cloud's HTTP Date header is real time, so start the fake clock at real now.
        _time = new FakeTimeProvider(TimeProvider.System.GetUtcNow());
        _cloud = await FakeOciCloud.StartAsync(_time);
    }

    [TearDown]
    public async Task TearDown() => await _cloud.DisposeAsync();

    private Task<OciCheckResult> RunAsync(OciCheckRequest? request = null, FakeEnvironment? env = null) =>
        new OciCheck((env ?? new FakeEnvironment()).Lookup, () => new HttpClient(), _time).RunAsync(
            request ?? new OciCheckRequest(Compartment)
            {
                AuthMode = "instance_principal",
                MetadataBaseUrl = _cloud.MetadataBase,
                FederationEndpoint = _cloud.BaseAddress,
                Endpoint = _cloud.MysqlEndpoint,
            },
            CancellationToken.None);

    [Test]
    public async Task Run_InstancePrincipalHealthy_ReportsPrincipalTenancyRegionRequestId()
    {
        var result = await RunAsync();

        Assert.That(result.Succeeded, Is.True, result.Detail);
        Assert.That(result.PrincipalType, Is.EqualTo(PrincipalType.Instance));
        Assert.That(result.TenancyId, Is.EqualTo(FakeOciCloud.Tenancy));
        Assert.That(result.Region, Is.EqualTo("us-ashburn-1"));
        Assert.That(result.Endpoint, Is.EqualTo(_cloud.MysqlEndpoint));
        Assert.That(result.OpcRequestId, Is.EqualTo("fake-list-1"));
    }

    [Test]
    public async Task Run_ListAnswers404NotAuthorizedOrNotFound_DiagnosesMissingPolicy()
    {
        _cloud.ListFailure = (404, "NotAuthorizedOrNotFound");

        var result = await RunAsync();

        Assert.That(result.Failure, Is.EqualTo(OciCheckFailure.MissingPolicy));
        Assert.That(result.LikelyCause, Does.Contain("manage mysql-family"));
        Assert.That(result.OpcRequestId, Is.EqualTo("fake-NotAuthorizedOrNotFound"));
    }

    [Test]
    public async Task Run_401WithServerClockFar_DiagnosesClockSkew()
    {
        _cloud.ListFailure = (401, "NotAuthenticated");
        _time.Advance(TimeSpan.FromMinutes(20));

        var result = await RunAsync();

        Assert.That(result.Failure, Is.EqualTo(OciCheckFailure.ClockSkew));
    }

    [Test]
    public async Task Run_401WithSameClock_DiagnosesNotAuthenticated()
    {
        _cloud.ListFailure = (401, "NotAuthenticated");

        var result = await RunAsync();

        Assert.That(result.Failure, Is.EqualTo(OciCheckFailure.NotAuthenticated));
        Assert.That(result.LikelyCause, Does.Contain("fingerprint"));
    }

    [Test]
    public async Task Run_EndpointRefusesConnections_DiagnosesEndpointUnreachable()
    {
        var closed = await LoopbackServer.StartAsync(_ => Task.CompletedTask);
        var deadEndpoint = new Uri(closed.BaseAddress, "/20190415");
        await closed.DisposeAsync();

        var result = await RunAsync(new OciCheckRequest(Compartment)
        {
            AuthMode = "instance_principal",
            MetadataBaseUrl = _cloud.MetadataBase,
            FederationEndpoint = _cloud.BaseAddress,
            Endpoint = deadEndpoint,
        });

        Assert.That(result.Failure, Is.EqualTo(OciCheckFailure.EndpointUnreachable));
        Assert.That(result.LikelyCause, Does.Contain("region"));
    }

    [Test]
    public async Task Run_MissingConfigFile_DiagnosesBadConfiguration()
    {
        var result = await RunAsync(new OciCheckRequest(Compartment) { AuthMode = "user_principal", ConfigFile = "/nonexistent/oci/config" });

        Assert.That(result.Failure, Is.EqualTo(OciCheckFailure.BadConfiguration));
        Assert.That(result.Detail, Does.Contain("/nonexistent/oci/config"));
    }

    [Test]
    public async Task Run_MetadataUnavailable_DiagnosesAuthenticationFailed()
    {
        var result = await RunAsync(new OciCheckRequest(Compartment) { AuthMode = "instance_principal", MetadataBaseUrl = new Uri(_cloud.BaseAddress, "/none/") });

        Assert.That(result.Failure, Is.EqualTo(OciCheckFailure.AuthenticationFailed));
    }
}
