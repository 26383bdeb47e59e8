using Microsoft.Extensions.Logging.Abstractions;
using OciOperator.Oci.Auth;
using OciOperator.Oci.Http;
using OciOperator.Oci.Identity;
using OciOperator.Oci.Mysql;
using OciOperator.Oci.Telemetry;
using OciOperator.Oci.Tests.Support;
using OciOperator.Sandbox.Oci;

namespace OciOperator.Oci.Tests.Integration;

/// <summary>
/// Through the real, signing client against the emulator: the identity API's ListAvailabilityDomains, and the MySQL
/// configurations the emulated region knows (a configuration that does not exist is 404, one for another shape 400).
/// </summary>
public sealed class EmulatorIdentityAndConfigurationTests
{
    private const string Compartment = OciEmulator.SampleCompartmentId;

    [Test]
    public async Task ListAvailabilityDomains_SignedRequest_ReturnsTheRegionsThreeAdsUnderTheTenancyPrefix()
    {
        var (emulator, auth) = await StartAsync();
        await using var _ = emulator;
        var identity = new IdentityClient(Pipeline(auth, emulator.IdentityEndpoint));

        var domains = await identity.ListAvailabilityDomainsAsync(Compartment, CancellationToken.None);

        Assert.That(domains.Select(d => d.Name), Is.EqualTo(emulator.AvailabilityDomains));
        Assert.That(domains.Select(d => d.Name), Has.All.Match("^[A-Z][a-z]{3}:US-ASHBURN-AD-[123]$"));
        Assert.That(domains.Select(d => d.CompartmentId), Has.All.EqualTo(emulator.TenancyId));
        Assert.That(domains.Select(d => d.Id), Has.All.StartWith("ocid1.availabilitydomain.oc1.."));
        Assert.That(emulator.Calls.Count("ListAvailabilityDomains"), Is.EqualTo(1));
    }

    [Test]
    public async Task ListAvailabilityDomains_NotACompartment_IsNotAuthorizedOrNotFound()
    {
        var (emulator, auth) = await StartAsync();
        await using var _ = emulator;
        var identity = new IdentityClient(Pipeline(auth, emulator.IdentityEndpoint));

        var ex = await Assert.ThrowsAsync<OciServiceException>(() => identity.ListAvailabilityDomainsAsync("ocid1.subnet.oc1..x", CancellationToken.None));

        Assert.That(ex!.StatusCode, Is.EqualTo(404));
        Assert.That(ex.Code, Is.EqualTo("NotAuthorizedOrNotFound"));
    }

    private static IEnumerable<TestCaseData> Configurations()
    {
        yield return new TestCaseData("MySQL.Free", "ocid1.mysqlconfiguration.oc1..exampleuniqueID", 200, null).SetName("CreateDbSystem_SeedExampleConfigurationOnMySqlFree_IsAccepted");
        yield return new TestCaseData("MySQL.2", "ocid1.mysqlconfiguration.oc1..exampleuniqueID", 400, "InvalidParameter").SetName("CreateDbSystem_SeedExampleConfigurationOnOtherShape_Is400");
        yield return new TestCaseData("MySQL.2", "ocid1.mysqlconfiguration.oc1..doesnotexist", 404, "NotAuthorizedOrNotFound").SetName("CreateDbSystem_UnknownConfiguration_Is404");
        yield return new TestCaseData("MySQL.2", "not-an-ocid", 400, "InvalidParameter").SetName("CreateDbSystem_MalformedConfigurationId_Is400");
    }

    [TestCaseSource(nameof(Configurations))]
    public async Task CreateDbSystem_ConfigurationId_AnsweredAsOciDoes(string shape, string configurationId, int status, string? code)
    {
        var (emulator, auth) = await StartAsync();
        await using var _ = emulator;
        var client = new MysqlDbSystemClient(Pipeline(auth, emulator.MySqlEndpoint));
        var details = new CreateDbSystemDetails
        {
            CompartmentId = Compartment,
            ShapeName = shape,
            SubnetId = "ocid1.subnet.oc1.iad.aaaaemulator",
            AdminUsername = "admin",
            AdminPassword = "Sandbox-Passw0rd!",
            ConfigurationId = configurationId,
        };

        if (status == 200)
        {
            var created = await client.CreateDbSystemAsync(details, null, CancellationToken.None);
            Assert.That(created.Value.ConfigurationId, Is.EqualTo(configurationId));
            return;
        }

        var ex = await Assert.ThrowsAsync<OciServiceException>(() => client.CreateDbSystemAsync(details, null, CancellationToken.None));
        Assert.That(ex!.StatusCode, Is.EqualTo(status));
        Assert.That(ex.Code, Is.EqualTo(code));
        Assert.That(emulator.DbSystems, Is.Empty, "nothing is created");
    }

    private static IEnumerable<TestCaseData> WalkthroughInstances()
    {
        yield return new TestCaseData(RepositoryPaths.SeedFixture("osok_kro_demo.yaml")).SetName("CreateDbSystem_SeedWalkthroughValues_Accepted");
        yield return new TestCaseData(Path.Combine(RepositoryPaths.Root, "config", "samples", "osok_kro_demo.yaml")).SetName("CreateDbSystem_ConfigSamplesWalkthroughValues_Accepted");
    }

    [TestCaseSource(nameof(WalkthroughInstances))]
    public async Task CreateDbSystem_WalkthroughInstanceValues_AcceptedVerbatim(string instanceFile)
    {
        // The values the walkthrough's RGD passes to the DbSystem, read from the file as a user applies it.
        var values = File.ReadAllLines(instanceFile)
            .Select(l => l.Trim().Split(':', 2))
            .Where(kv => kv.Length == 2)
            .GroupBy(kv => kv[0].Trim())
            .ToDictionary(g => g.Key, g => g.First()[1].Trim());
        var (emulator, auth) = await StartAsync();
        await using var _ = emulator;
        var client = new MysqlDbSystemClient(Pipeline(auth, emulator.MySqlEndpoint));

        var created = await client.CreateDbSystemAsync(
            new CreateDbSystemDetails
            {
                CompartmentId = values["compartmentId"],
                ShapeName = values["mysqlShapeName"],
                SubnetId = values["subnetId"],
                AvailabilityDomain = values["availabilityDomain"],
                ConfigurationId = values["configurationId"],
                AdminUsername = values["mysqlAdminUsername"],
                AdminPassword = values["mysqlAdminPassword"],
                DataStorageSizeInGBs = int.Parse(values["mysqlStorageSizeInGBs"], System.Globalization.CultureInfo.InvariantCulture),
            },
            null,
            CancellationToken.None);

        Assert.That(created.Value.ConfigurationId, Is.EqualTo(values["configurationId"]));
        Assert.That(created.Value.ShapeName, Is.EqualTo(values["mysqlShapeName"]));
    }

    [Test]
    public async Task CreateDbSystem_EveryShapesPublishedDefaultConfiguration_FitsItsShapeOnly()
    {
        var (emulator, auth) = await StartAsync();
        await using var _ = emulator;
        var client = new MysqlDbSystemClient(Pipeline(auth, emulator.MySqlEndpoint));
        var standalone2 = emulator.MysqlConfigurations.Single(c => c.DisplayName == "MySQL.2.Standalone").Id;
        CreateDbSystemDetails Details(string shape) => new()
        {
            CompartmentId = Compartment,
            ShapeName = shape,
            SubnetId = "ocid1.subnet.oc1.iad.aaaaemulator",
            AdminUsername = "admin",
            AdminPassword = "Sandbox-Passw0rd!",
            ConfigurationId = standalone2,
        };

        var created = await client.CreateDbSystemAsync(Details("MySQL.2"), null, CancellationToken.None);
        var ex = await Assert.ThrowsAsync<OciServiceException>(() => client.CreateDbSystemAsync(Details("MySQL.4"), null, CancellationToken.None));

        Assert.That(created.Value.ConfigurationId, Is.EqualTo(standalone2));
        Assert.That(ex!.StatusCode, Is.EqualTo(400));
        Assert.That(ex.ServiceMessage, Does.Contain("MySQL.2.Standalone").And.Contain("MySQL.4"));
    }

    private static async Task<(OciEmulator Emulator, IAuthenticationProvider Auth)> StartAsync()
    {
        var emulator = await OciEmulator.StartAsync(new OciEmulatorOptions());
        var auth = new AuthenticationProviderFactory(
            new FakeEnvironment(new()
            {
                ["USEINSTANCEPRINCIPAL"] = "true",
                ["OCI_METADATA_BASE_URL"] = emulator.InstanceMetadataEndpoint.AbsoluteUri,
                ["OCI_SDK_AUTH_CLIENT_REGION_URL"] = emulator.FederationEndpoint.AbsoluteUri,
            }).Lookup,
            TimeProvider.System,
            () => new HttpClient()).Create(new OciAuthOptions());
        return (emulator, auth);
    }

    private static OciHttpPipeline Pipeline(IAuthenticationProvider auth, Uri endpoint) =>
        new(new HttpClient(), auth, endpoint, PipelineFactory.NoDelays(), TimeProvider.System, new OciTelemetry(), NullLogger.Instance, new Random(3));
}
