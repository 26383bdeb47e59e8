using Microsoft.Extensions.Logging.Abstractions;
using OciOperator.Oci.Auth;
using OciOperator.Oci.Http;
using OciOperator.Oci.Mysql;
using OciOperator.Oci.Telemetry;
using OciOperator.Oci.Tests.Support;
using OciOperator.Sandbox.Oci;

namespace OciOperator.Oci.Tests.Integration;

/// <summary>Resource principal v2.2 and OKE workload identity against the Sandbox OCI emulator.</summary>
public sealed class EmulatorTokenPrincipalTests
{
    private const string Compartment = OciEmulator.SampleCompartmentId;

    private static MysqlDbSystemClient Client(OciEmulator emulator, IAuthenticationProvider auth) =>
        new(new OciHttpPipeline(new HttpClient(), auth, emulator.MySqlEndpoint, PipelineFactory.NoDelays(), TimeProvider.System, new OciTelemetry(), NullLogger.Instance));

    [Test]
    public async Task ResourcePrincipal_RpstFromEmulator_ListsDbSystems()
    {
        await using var emulator = await OciEmulator.StartAsync(new OciEmulatorOptions());
        using var key = TestKeys.NewKey();
        var rpst = emulator.IssueResourcePrincipalToken(key, Compartment);
        var env = new FakeEnvironment(new()
        {
            ["AUTH_TYPE"] = "resource_principal",
            ["OCI_RESOURCE_PRINCIPAL_VERSION"] = "2.2",
            ["OCI_RESOURCE_PRINCIPAL_RPST"] = rpst,
            ["OCI_RESOURCE_PRINCIPAL_PRIVATE_PEM"] = TestKeys.Pkcs1Pem(key),
            ["OCI_RESOURCE_PRINCIPAL_REGION"] = "us-ashburn-1",
        });
        var auth = new AuthenticationProviderFactory(env.Lookup, TimeProvider.System, () => new HttpClient()).Create(new OciAuthOptions());

        var page = await Client(emulator, auth).ListDbSystemsAsync(new ListDbSystemsRequest(Compartment), CancellationToken.None);

        Assert.That(page.Items, Is.Empty);
        Assert.That(auth.TenancyId, Is.EqualTo(emulator.TenancyId));
        Assert.That(emulator.Calls.CountSucceeded("ListDbSystems"), Is.EqualTo(1));
    }

    [Test]
    public async Task OkeWorkloadIdentity_ProxymuxExchange_ListsDbSystems()
    {
        await using var emulator = await OciEmulator.StartAsync(new OciEmulatorOptions());
        using var dir = new TempDirectory();
        const string serviceAccountToken = "k8s-service-account-token";
        emulator.RegisterServiceAccountToken(serviceAccountToken);
        var tokenPath = dir.Write("token", serviceAccountToken);
        using var auth = new OkeWorkloadIdentityAuthenticationProvider(
            new HttpClient(),
            new OkeWorkloadIdentityOptions { ProxymuxEndpoint = emulator.OkeProxymuxEndpoint, Region = "us-ashburn-1", ServiceAccountTokenPath = tokenPath },
            TimeProvider.System);

        var page = await Client(emulator, auth).ListDbSystemsAsync(new ListDbSystemsRequest(Compartment), CancellationToken.None);

        Assert.That(page.Items, Is.Empty);
        Assert.That(emulator.Calls.Count("GetOkeResourcePrincipalSessionToken"), Is.EqualTo(1));
    }

    [Test]
    public async Task OkeWorkloadIdentity_UnknownServiceAccountToken_ClearAuthError()
    {
        await using var emulator = await OciEmulator.StartAsync(new OciEmulatorOptions());
        using var dir = new TempDirectory();
        using var auth = new OkeWorkloadIdentityAuthenticationProvider(
            new HttpClient(),
            new OkeWorkloadIdentityOptions { ProxymuxEndpoint = emulator.OkeProxymuxEndpoint, Region = "us-ashburn-1", ServiceAccountTokenPath = dir.Write("token", "not-registered") },
            TimeProvider.System);

        var ex = await Assert.ThrowsAsync<OciAuthenticationException>(async () => await auth.GetCredentialsAsync(CancellationToken.None));

        Assert.That(ex!.Message, Does.Contain("OKE workload identity").And.Not.Contain("not-registered"));
    }
}
