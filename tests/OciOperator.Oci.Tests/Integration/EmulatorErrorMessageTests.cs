using Microsoft.Extensions.Logging.Abstractions;
using OciOperator.Oci.Auth;
using OciOperator.Oci.Http;
using OciOperator.Oci.Mysql;
using OciOperator.Oci.Telemetry;
using OciOperator.Oci.Tests.Support;
using OciOperator.Sandbox.Oci;

namespace OciOperator.Oci.Tests.Integration;

/// <summary>
/// OCI's error messages through the real client and the emulator: a message that quotes a secret of the request is
/// replaced as a whole (never a masked copy: the text around the gap would tell the value), other messages pass
/// through untouched, and a body that is not OCI's error document still says what happened.
/// </summary>
public sealed class EmulatorErrorMessageTests
{
    private const string Compartment = OciEmulator.SampleCompartmentId;

    private static CreateDbSystemDetails Details(string password, string name = "db") => new()
    {
        CompartmentId = Compartment,
        ShapeName = "MySQL.2",
        SubnetId = "ocid1.subnet.oc1.iad.aaaaemulator",
        DisplayName = name,
        AdminUsername = "admin",
        AdminPassword = password,
        DataStorageSizeInGBs = 50,
    };

    private static async Task<(OciEmulator Emulator, MysqlDbSystemClient Client)> StartAsync()
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
        var client = new MysqlDbSystemClient(new OciHttpPipeline(new HttpClient(), auth, emulator.MySqlEndpoint, PipelineFactory.NoDelays(), TimeProvider.System, new OciTelemetry(), NullLogger.Instance, new Random(3)));
        return (emulator, client);
    }

    // Each password is a word of the emulator's own message ("The admin password must be between 8 and 32 ...").
    private static IEnumerable<TestCaseData> QuotedPasswords()
    {
        yield return new TestCaseData("must").SetName("CreateDbSystem_PasswordQuotedByOci_WholeMessageWithheld(must)");
        yield return new TestCaseData("MUST").SetName("CreateDbSystem_PasswordQuotedByOci_WholeMessageWithheld(other case)");
        yield return new TestCaseData("between").SetName("CreateDbSystem_PasswordQuotedByOci_WholeMessageWithheld(between)");
        yield return new TestCaseData("long").SetName("CreateDbSystem_PasswordQuotedByOci_WholeMessageWithheld(long)");
    }

    [TestCaseSource(nameof(QuotedPasswords))]
    public async Task CreateDbSystem_PasswordQuotedByOci_WholeMessageWithheld(string password)
    {
        var (emulator, client) = await StartAsync();
        await using var _ = emulator;

        var ex = await Assert.ThrowsAsync<OciServiceException>(() => client.CreateDbSystemAsync(Details(password), null, CancellationToken.None));

        Assert.That(ex!.StatusCode, Is.EqualTo(400));
        foreach (var text in new[] { ex.ServiceMessage, ex.Message, ex.ToString() })
        {
            Assert.That(text, Does.Not.Contain(password).IgnoreCase, "the password itself");
            Assert.That(text, Does.Not.Contain("***"), "no masked copy");
            Assert.That(text, Does.Not.Contain(" be between 8 and 32"), "nothing of the message that quoted it");
        }

        Assert.That(ex.ServiceMessage, Does.Contain("adminPassword"), "which field is wrong");
    }

    [Test]
    public async Task CreateDbSystem_MessageQuotesNoSecret_OciMessageKept()
    {
        var (emulator, client) = await StartAsync();
        await using var _ = emulator;

        var ex = await Assert.ThrowsAsync<OciServiceException>(() => client.CreateDbSystemAsync(Details("Sh0rt!"), null, CancellationToken.None));

        Assert.That(ex!.ServiceMessage, Is.EqualTo("The admin password must be between 8 and 32 characters long."));
    }

    [Test]
    public async Task ListDbSystems_OneMegabyteDisplayName_ErrorSaysWhatTheServiceAnswered()
    {
        var (emulator, client) = await StartAsync();
        await using var _ = emulator;

        var ex = await Assert.ThrowsAsync<OciServiceException>(() => client.ListDbSystemsAsync(new ListDbSystemsRequest(Compartment) { DisplayName = new string('n', 1 << 20) }, CancellationToken.None));

        Assert.That(ex!.StatusCode, Is.InRange(400, 499));
        Assert.That(ex.IsRetryable, Is.False);
        Assert.That(ex.ServiceMessage, Does.Contain($"HTTP {ex.StatusCode}").And.Not.Contain("unparseable"));
    }

    // What OCI refuses and the emulator used to accept (issue 11 A 9).
    private static IEnumerable<TestCaseData> RefusedBodies()
    {
        static TestCaseData Case(string name, Func<CreateDbSystemDetails, CreateDbSystemDetails> edit, string field) =>
            new TestCaseData(edit, field).SetName($"CreateDbSystem_{name}_Refused400");
        yield return Case("MalformedNsgId", d => d with { NsgIds = ["not-an-ocid"] }, "nsgIds");
        yield return Case("SubnetOcidAsNsgId", d => d with { NsgIds = ["ocid1.subnet.oc1..x"] }, "nsgIds");
        yield return Case("NegativeBackupRetention", d => d with { BackupPolicy = new BackupPolicy { RetentionInDays = -5 } }, "retentionInDays");
        yield return Case("BackupRetention36", d => d with { BackupPolicy = new BackupPolicy { RetentionInDays = 36 } }, "retentionInDays");
        yield return Case("MaxStorageBelowStorage", d => d with { DataStorageSizeInGBs = 100, DataStorage = new DataStorage { MaxStorageSizeInGBs = 60 } }, "maxStorageSizeInGBs");
    }

    [TestCaseSource(nameof(RefusedBodies))]
    public async Task CreateDbSystem_OciRefusesBody_Refused400(Func<CreateDbSystemDetails, CreateDbSystemDetails> edit, string field)
    {
        var (emulator, client) = await StartAsync();
        await using var _ = emulator;

        var ex = await Assert.ThrowsAsync<OciServiceException>(() => client.CreateDbSystemAsync(edit(Details("Str0ng-Passw0rd!")), null, CancellationToken.None));

        Assert.That(ex!.StatusCode, Is.EqualTo(400));
        Assert.That(ex.ServiceMessage, Does.Contain(field));
        Assert.That(emulator.DbSystems, Is.Empty);
    }

    [Test]
    public async Task CreateDbSystem_ValidOptionalParts_Accepted()
    {
        var (emulator, client) = await StartAsync();
        await using var _ = emulator;

        var created = await client.CreateDbSystemAsync(
            Details("Str0ng-Passw0rd!") with
            {
                NsgIds = ["ocid1.networksecuritygroup.oc1..a"],
                BackupPolicy = new BackupPolicy { RetentionInDays = 35 },
                DataStorageSizeInGBs = 100,
                DataStorage = new DataStorage { MaxStorageSizeInGBs = 100 },
            },
            null,
            CancellationToken.None);

        Assert.That(created.Value.Id, Is.Not.Null);
    }
}
