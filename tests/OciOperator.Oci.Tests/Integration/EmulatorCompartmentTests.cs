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
/// Through the real, signing client against the emulator: the tenancy knows its compartments (its root, the
/// walkthrough's example one, those given in the options or added later) and answers a call naming any other as OCI
/// does, 404 <c>NotAuthorizedOrNotFound</c> "Authorization failed or requested resource not found", creating nothing.
/// </summary>
[NonParallelizable]
public sealed class EmulatorCompartmentTests
{
    private const string Missing = "ocid1.compartment.oc1..aaaadoesnotexist";
    private const string FromOptions = "ocid1.compartment.oc1..aaaafromoptions";
    private const string OciMessage = "Authorization failed or requested resource not found";
    private OciEmulator _emulator = null!;
    private MysqlDbSystemClient _mysql = null!;
    private IdentityClient _identity = null!;

    [OneTimeSetUp]
    public async Task StartAsync()
    {
        _emulator = await OciEmulator.StartAsync(new OciEmulatorOptions { Compartments = [FromOptions] });
        var auth = new AuthenticationProviderFactory(
            new FakeEnvironment(new()
            {
                ["USEINSTANCEPRINCIPAL"] = "true",
                ["OCI_METADATA_BASE_URL"] = _emulator.InstanceMetadataEndpoint.AbsoluteUri,
                ["OCI_SDK_AUTH_CLIENT_REGION_URL"] = _emulator.FederationEndpoint.AbsoluteUri,
            }).Lookup,
            TimeProvider.System,
            () => new HttpClient()).Create(new OciAuthOptions());
        _mysql = new MysqlDbSystemClient(Pipeline(auth, _emulator.MySqlEndpoint));
        _identity = new IdentityClient(Pipeline(auth, _emulator.IdentityEndpoint));
    }

    [OneTimeTearDown]
    public async Task StopAsync() => await _emulator.DisposeAsync();

    private static IEnumerable<TestCaseData> Calls()
    {
        yield return new TestCaseData(new Func<EmulatorCompartmentTests, string, Task>((t, c) => t._mysql.CreateDbSystemAsync(Details(c), null, CancellationToken.None)))
            .SetName("CreateDbSystem_CompartmentThatDoesNotExist_Is404NotAuthorizedOrNotFound");
        yield return new TestCaseData(new Func<EmulatorCompartmentTests, string, Task>((t, c) => t._mysql.ListDbSystemsAsync(new ListDbSystemsRequest(c), CancellationToken.None)))
            .SetName("ListDbSystems_CompartmentThatDoesNotExist_Is404NotAuthorizedOrNotFound");
        yield return new TestCaseData(new Func<EmulatorCompartmentTests, string, Task>((t, c) => t._identity.ListAvailabilityDomainsAsync(c, CancellationToken.None)))
            .SetName("ListAvailabilityDomains_CompartmentThatDoesNotExist_Is404NotAuthorizedOrNotFound");
    }

    [TestCaseSource(nameof(Calls))]
    public async Task Call_CompartmentThatDoesNotExist_Is404NotAuthorizedOrNotFoundWithOcisMessage(Func<EmulatorCompartmentTests, string, Task> call)
    {
        var before = _emulator.DbSystems.Count;

        var ex = await Assert.ThrowsAsync<OciServiceException>(() => call(this, Missing));

        Assert.That(ex!.StatusCode, Is.EqualTo(404));
        Assert.That(ex.Code, Is.EqualTo("NotAuthorizedOrNotFound"));
        Assert.That(ex.ServiceMessage, Is.EqualTo(OciMessage));
        Assert.That(ex.IsRetryable, Is.False);
        Assert.That(_emulator.DbSystems, Has.Count.EqualTo(before), "nothing is created");
    }

    [TestCase(OciEmulator.SampleCompartmentId, TestName = "CreateAndList_SampleCompartment_Served")]
    [TestCase(FromOptions, TestName = "CreateAndList_CompartmentFromTheOptions_Served")]
    [TestCase("ocid1.tenancy.oc1..aaaaemulatortenancy", TestName = "CreateAndList_TheTenancysRootCompartment_Served")]
    public async Task CreateAndList_KnownCompartment_Served(string compartment)
    {
        var created = await _mysql.CreateDbSystemAsync(Details(compartment), null, CancellationToken.None);
        var listed = await _mysql.ListDbSystemsAsync(new ListDbSystemsRequest(compartment), CancellationToken.None);
        var domains = await _identity.ListAvailabilityDomainsAsync(compartment, CancellationToken.None);

        Assert.That(created.Value.CompartmentId, Is.EqualTo(compartment));
        Assert.That(listed.Items.Select(d => d.Id), Does.Contain(created.Value.Id));
        Assert.That(domains, Has.Count.EqualTo(3));
        Assert.That(_emulator.Compartments, Does.Contain(compartment));
    }

    [Test]
    public async Task AddCompartment_AtRunTime_RefusedBeforeServedAfter()
    {
        const string added = "ocid1.compartment.oc1..aaaaaddedlater";
        var before = await Assert.ThrowsAsync<OciServiceException>(() => _mysql.ListDbSystemsAsync(new ListDbSystemsRequest(added), CancellationToken.None));

        _emulator.AddCompartment(added);
        var created = await _mysql.CreateDbSystemAsync(Details(added), null, CancellationToken.None);
        var listed = await _mysql.ListDbSystemsAsync(new ListDbSystemsRequest(added), CancellationToken.None);

        Assert.That(before!.StatusCode, Is.EqualTo(404));
        Assert.That(listed.Items.Select(d => d.Id), Is.EqualTo(new[] { created.Value.Id }));
    }

    [TestCase("ocid1.subnet.oc1..x")]
    [TestCase("")]
    public void AddCompartment_NotACompartmentOcid_Throws(string id) =>
        Assert.That(() => _emulator.AddCompartment(id), Throws.ArgumentException);

    [Test]
    public void StartAsync_OptionsNameANonCompartment_ListsTheProblem() =>
        Assert.That(
            async () => await OciEmulator.StartAsync(new OciEmulatorOptions { Compartments = ["ocid1.vcn.oc1..x"] }),
            Throws.ArgumentException.With.Message.Contain("Compartments").And.Message.Contain("ocid1.vcn.oc1..x"));

    private static CreateDbSystemDetails Details(string compartment) => new()
    {
        CompartmentId = compartment,
        ShapeName = "MySQL.2",
        SubnetId = "ocid1.subnet.oc1.iad.aaaaemulator",
        AdminUsername = "admin",
        AdminPassword = "Sandbox-Passw0rd!",
    };

    private static OciHttpPipeline Pipeline(IAuthenticationProvider auth, Uri endpoint) =>
        new(new HttpClient(), auth, endpoint, PipelineFactory.NoDelays(), TimeProvider.System, new OciTelemetry(), NullLogger.Instance, new Random(3));
}
