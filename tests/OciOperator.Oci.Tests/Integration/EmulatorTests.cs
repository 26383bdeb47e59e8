using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using OciOperator.Oci.Auth;
using OciOperator.Oci.Http;
using OciOperator.Oci.Mysql;
using OciOperator.Oci.Telemetry;
using OciOperator.Oci.Tests.Support;
using OciOperator.Sandbox.Oci;

namespace OciOperator.Oci.Tests.Integration;

/// <summary>The client's production code path against the Sandbox OCI emulator (which verifies signatures with its own code).</summary>
public sealed class EmulatorTests
{
    private const string Compartment = OciEmulator.SampleCompartmentId;

    private static CreateDbSystemDetails Details(string name) => new()
    {
        CompartmentId = Compartment,
        ShapeName = "MySQL.2",
        SubnetId = "ocid1.subnet.oc1.iad.aaaaemulator",
        DisplayName = name,
        AdminUsername = "admin",
        AdminPassword = "Passw0rd!x",
        DataStorageSizeInGBs = 50,
    };

    private static MysqlDbSystemClient Client(OciEmulator emulator, IAuthenticationProvider auth, TimeProvider time, OciResilienceOptions? options = null) =>
        new(new OciHttpPipeline(new HttpClient(), auth, emulator.MySqlEndpoint, options ?? PipelineFactory.NoDelays(), time, new OciTelemetry(), NullLogger.Instance, new Random(3)));

    private static IAuthenticationProvider InstancePrincipal(OciEmulator emulator, TimeProvider time) =>
        new AuthenticationProviderFactory(
            new FakeEnvironment(new()
            {
                ["USEINSTANCEPRINCIPAL"] = "true",
                ["OCI_METADATA_BASE_URL"] = emulator.InstanceMetadataEndpoint.AbsoluteUri,
                ["OCI_SDK_AUTH_CLIENT_REGION_URL"] = emulator.FederationEndpoint.AbsoluteUri,
            }).Lookup,
            time,
            () => new HttpClient()).Create(new OciAuthOptions());

    [Test]
    public async Task InstancePrincipal_CreateGetListDelete_EndToEnd()
    {
        var time = new FakeTimeProvider(TimeProvider.System.GetUtcNow());
        await using var emulator = await OciEmulator.StartAsync(new OciEmulatorOptions { TimeProvider = time });
        var auth = InstancePrincipal(emulator, time);
        var client = Client(emulator, auth, time);

        var created = await client.CreateDbSystemAsync(Details("ip-db"), null, CancellationToken.None);
        time.Advance(TimeSpan.FromSeconds(5));
        var fetched = await client.GetDbSystemAsync(created.Value.Id!, null, CancellationToken.None);
        var notModified = await client.GetDbSystemAsync(created.Value.Id!, fetched.ETag, CancellationToken.None);
        var listed = await client.ListAllDbSystemsAsync(new ListDbSystemsRequest(Compartment) { DisplayName = "ip-db" }, CancellationToken.None);
        var deleted = await client.DeleteDbSystemAsync(created.Value.Id!, fetched.ETag, CancellationToken.None);

        Assert.That(auth.TenancyId, Is.EqualTo(emulator.TenancyId));
        Assert.That(created.Value.LifecycleState, Is.EqualTo(DbSystemLifecycleState.Creating));
        Assert.That(fetched.DbSystem!.LifecycleState, Is.EqualTo(DbSystemLifecycleState.Active));
        Assert.That(fetched.DbSystem.Endpoints, Is.Not.Empty);
        Assert.That(notModified.NotModified, Is.True);
        Assert.That(listed.Select(d => d.Id), Is.EqualTo(new[] { created.Value.Id }));
        Assert.That(deleted.OpcWorkRequestId, Is.Not.Null);
        Assert.That(emulator.Calls.Count("FederateX509"), Is.EqualTo(1));
    }

    [Test]
    public async Task InstancePrincipal_TokenNearExpiry_RefreshesBeforeTheEmulatorRejectsIt()
    {
        var time = new FakeTimeProvider(TimeProvider.System.GetUtcNow());
        await using var emulator = await OciEmulator.StartAsync(new OciEmulatorOptions { TimeProvider = time, SessionTokenLifetime = TimeSpan.FromMinutes(20) });
        var client = Client(emulator, InstancePrincipal(emulator, time), time);

        await client.ListDbSystemsAsync(new ListDbSystemsRequest(Compartment), CancellationToken.None);
        time.Advance(TimeSpan.FromMinutes(14));
        await client.ListDbSystemsAsync(new ListDbSystemsRequest(Compartment), CancellationToken.None);
        var federationsBefore = emulator.Calls.Count("FederateX509");
        time.Advance(TimeSpan.FromMinutes(2));
        await client.ListDbSystemsAsync(new ListDbSystemsRequest(Compartment), CancellationToken.None);

        Assert.That(federationsBefore, Is.EqualTo(1));
        Assert.That(emulator.Calls.Count("FederateX509"), Is.EqualTo(2));
        Assert.That(emulator.Calls.All.Count(c => c.Status == 401), Is.Zero);
    }

    [Test]
    public async Task InstancePrincipal_EmulatorRejectsExpiredToken_ReauthenticatesAfter401()
    {
        var clientTime = new FakeTimeProvider(TimeProvider.System.GetUtcNow());
        var emulatorTime = new FakeTimeProvider(clientTime.GetUtcNow());
        await using var emulator = await OciEmulator.StartAsync(new OciEmulatorOptions
        {
            TimeProvider = emulatorTime,
            SessionTokenLifetime = TimeSpan.FromMinutes(20),
            MaxClockSkew = TimeSpan.FromHours(1),
        });
        var client = Client(emulator, InstancePrincipal(emulator, clientTime), clientTime);
        await client.ListDbSystemsAsync(new ListDbSystemsRequest(Compartment), CancellationToken.None);

        emulatorTime.Advance(TimeSpan.FromMinutes(21));
        var page = await client.ListDbSystemsAsync(new ListDbSystemsRequest(Compartment), CancellationToken.None);

        Assert.That(page.Items, Is.Empty);
        Assert.That(emulator.Calls.Count("FederateX509"), Is.EqualTo(2));
        Assert.That(emulator.Calls.All.Count(c => c.Operation == "ListDbSystems" && c.Status == 401), Is.EqualTo(1));
    }

    [Test]
    public async Task UserPrincipal_ConfigFileAndEnvironment_AcceptedByEmulator()
    {
        await using var emulator = await OciEmulator.StartAsync(new OciEmulatorOptions());
        using var dir = new TempDirectory();
        using var key = TestKeys.NewKey();
        const string user = "ocid1.user.oc1..aaaaemulatoruser";
        var fingerprint = OciOperator.Oci.Signing.KeyFingerprint.ForPublicKey(key);
        emulator.RegisterApiKey(emulator.TenancyId, user, fingerprint, key);
        var keyFile = dir.Write("key.pem", TestKeys.EncryptedPem(key, "pp-Secret-1"));
        var config = dir.Write("config", $"[DEFAULT]\nuser={user}\nfingerprint={fingerprint}\ntenancy={emulator.TenancyId}\nregion=us-ashburn-1\nkey_file={keyFile}\npass_phrase=pp-Secret-1\n");
        var fromFile = new AuthenticationProviderFactory(new FakeEnvironment().Lookup, TimeProvider.System, () => new HttpClient())
            .Create(new OciAuthOptions { Mode = "user_principal", ConfigFile = config });
        var fromEnv = new AuthenticationProviderFactory(new FakeEnvironment(new()
        {
            ["TENANCY"] = emulator.TenancyId, ["USER"] = user, ["FINGERPRINT"] = fingerprint, ["REGION"] = "iad", ["PRIVATEKEY"] = TestKeys.Pkcs1Pem(key),
        }).Lookup, TimeProvider.System, () => new HttpClient()).Create(new OciAuthOptions());

        var created = await Client(emulator, fromFile, TimeProvider.System).CreateDbSystemAsync(Details("user-db"), null, CancellationToken.None);
        var fetched = await Client(emulator, fromEnv, TimeProvider.System).GetDbSystemAsync(created.Value.Id!, null, CancellationToken.None);

        Assert.That(fetched.DbSystem!.DisplayName, Is.EqualTo("user-db"));
    }

    [Test]
    public async Task Create_Under30PercentInjected429And5xx_ExactlyOneDbSystemPerCreate()
    {
        await using var emulator = await OciEmulator.StartAsync(new OciEmulatorOptions());
        using var key = TestKeys.NewKey();
        emulator.RegisterApiKey(emulator.TenancyId, "ocid1.user.oc1..u", "aa:bb", key);
        var auth = StaticKeyAuthenticationProvider.Create(emulator.TenancyId, "ocid1.user.oc1..u", "aa:bb", key, "us-ashburn-1");
        var options = new OciResilienceOptions { RetryBaseDelay = TimeSpan.FromMilliseconds(5), RetryMaxDelay = TimeSpan.FromMilliseconds(50), RetryJitter = TimeSpan.FromMilliseconds(5), RateLimitPerSecond = 0, CircuitMinimumThroughput = 1000 };
        var client = Client(emulator, auth, TimeProvider.System, options);
        emulator.Faults.SetFailureRatio(0.3, seed: 11, operation: "CreateDbSystem", afterProcessingShare: 0.5);

        for (var i = 0; i < 6; i++)
        {
            await client.CreateDbSystemAsync(Details("faulty-" + i), null, CancellationToken.None);
        }

        Assert.That(emulator.DbSystems, Has.Count.EqualTo(6));
        Assert.That(emulator.DbSystems.Select(d => d.DisplayName).Distinct().Count(), Is.EqualTo(6));
        Assert.That(emulator.Calls.Count("CreateDbSystem"), Is.GreaterThan(6), "faults must actually have been injected");
    }

    [Test]
    public async Task List_EmulatorAnswers429WithRetryAfter_WaitsRetryAfter()
    {
        var time = new FakeTimeProvider(TimeProvider.System.GetUtcNow());
        await using var emulator = await OciEmulator.StartAsync(new OciEmulatorOptions { TimeProvider = time });
        using var key = TestKeys.NewKey();
        emulator.RegisterApiKey(emulator.TenancyId, "ocid1.user.oc1..u", "aa:bb", key);
        var auth = StaticKeyAuthenticationProvider.Create(emulator.TenancyId, "ocid1.user.oc1..u", "aa:bb", key, "us-ashburn-1");
        var options = PipelineFactory.NoDelays();
        options.RetryBaseDelay = TimeSpan.FromMilliseconds(100);
        var client = Client(emulator, auth, time, options);
        emulator.Faults.FailNext(1, 429, TimeSpan.FromSeconds(4), "ListDbSystems");

        await AsyncWait.DriveAsync(client.ListDbSystemsAsync(new ListDbSystemsRequest(Compartment), CancellationToken.None), time, TimeSpan.FromSeconds(1));

        var calls = emulator.Calls.All.Where(c => c.Operation == "ListDbSystems").ToList();
        Assert.That(calls.Select(c => c.Status), Is.EqualTo(new[] { 429, 200 }));
        Assert.That(calls[1].Time - calls[0].Time, Is.GreaterThanOrEqualTo(TimeSpan.FromSeconds(4)));
    }
}
