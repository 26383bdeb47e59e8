using k8s;
using k8s.Models;
using OciOperator.Mysql.Api;
using OciOperator.Mysql.Tests.Support;

namespace OciOperator.Mysql.Tests.Controllers;

/// <summary>
/// OSOK parity and emulator fidelity through the real client against the emulator: a suffix-only availability domain
/// is expanded to the tenancy's full name on create (one ListAvailabilityDomains per compartment, cached) and is not
/// drift afterwards; a name that matches no AD fails permanently naming the available ones, without a create; what
/// OCI refuses (a configuration that does not exist or does not fit the shape, malformed nsgIds, max storage below
/// the storage size, a compartment that does not exist) is a permanent failure with OCI's message after exactly one
/// CreateDbSystem (or, for a suffix-only availability domain, one ListAvailabilityDomains and no create).
/// </summary>
[NonParallelizable]
public sealed class DbSystemOciParityTests
{
    private DbSystemEnvironment _env = null!;
    private int _counter;

    [OneTimeSetUp]
    public async Task StartAsync()
    {
        _env = await DbSystemEnvironment.StartAsync(new EnvironmentOptions { PermanentErrorRetry = TimeSpan.FromMinutes(5) });
        await _env.StartOperatorAsync();
    }

    [OneTimeTearDown]
    public async Task StopAsync()
    {
        if (_env is not null)
        {
            await _env.DisposeAsync();
        }
    }

    private async Task<string> NamespaceAsync()
    {
        var ns = $"p{Interlocked.Increment(ref _counter)}";
        await _env.CreateNamespaceAsync(ns);
        await _env.CreateAdminSecretAsync(ns, "admin-secret", "admin", "Str0ng-Passw0rd!");
        return ns;
    }

    [TestCase("US-ASHBURN-AD-2", 1)]
    [TestCase("us-ashburn-ad-3", 2)]
    [TestCase("AD-1", 0)]
    public async Task Create_SuffixOnlyAvailabilityDomain_SentAsTheTenancysFullNameAndNotDrift(string written, int index)
    {
        var ns = await NamespaceAsync();
        await _env.CreateAsync(DbSystemEnvironment.NewDbSystem(ns, "db", customize: s => s with { AvailabilityDomain = written }));

        var active = await _env.WaitForActiveAsync(ns, "db");
        var expected = _env.Oci.AvailabilityDomains[index];
        var created = _env.Oci.DbSystems.Single(d => d.Id == active.Status!.Status.Ocid);

        Assert.That(created.AvailabilityDomain, Is.EqualTo(expected));
        Assert.That(expected, Does.Contain(':'), "a full name, with the tenancy prefix");
        Assert.That(_env.Recorder!.Creates.Last().AvailabilityDomain, Is.EqualTo(expected), "sent expanded, not as written");
        Assert.That(active.Spec.AvailabilityDomain, Is.EqualTo(written), "the spec keeps what the user wrote");

        // A later reconcile (an annotation change) compares the spec by suffix: no update, no replacement.
        await _env.Client.CustomObjects.PatchNamespacedCustomObjectAsync(
            new V1Patch("{\"metadata\":{\"annotations\":{\"touch\":\"1\"}}}", V1Patch.PatchType.MergePatch), DbSystem.KubeGroup, DbSystem.KubeApiVersion, ns, DbSystem.KubePluralName, "db");
        await _env.WaitForAsync(ns, "db", d => d.Metadata.Annotations?.ContainsKey("touch") == true && DbSystemEnvironment.CurrentCondition(d) == DbSystemConditionType.Active, "reconciled again");
        Assert.That(_env.Updates.Where(u => u.Id == created.Id), Is.Empty, "not drift");
        Assert.That(DbSystemEnvironment.CurrentCondition((await _env.GetAsync(ns, "db"))!), Is.EqualTo(DbSystemConditionType.Active));
    }

    [Test]
    public async Task Create_TwoSuffixOnlyDbSystemsInOneCompartment_ListAvailabilityDomainsOnce()
    {
        _env.Oci.AddCompartment("ocid1.compartment.oc1..cached");
        var before = _env.Oci.Calls.Count("ListAvailabilityDomains");
        var ns = await NamespaceAsync();
        await _env.CreateAsync(DbSystemEnvironment.NewDbSystem(ns, "a", customize: s => s with { AvailabilityDomain = "US-ASHBURN-AD-1", CompartmentId = "ocid1.compartment.oc1..cached" }));
        await _env.WaitForActiveAsync(ns, "a");
        await _env.CreateAsync(DbSystemEnvironment.NewDbSystem(ns, "b", customize: s => s with { AvailabilityDomain = "US-ASHBURN-AD-2", CompartmentId = "ocid1.compartment.oc1..cached" }));
        await _env.WaitForActiveAsync(ns, "b");

        Assert.That(_env.Oci.Calls.Count("ListAvailabilityDomains") - before, Is.EqualTo(1), "cached per compartment");
    }

    [Test]
    public async Task Create_AvailabilityDomainOfNoAd_PermanentFailureNamingTheAvailableOnesWithoutCreate()
    {
        var ns = await NamespaceAsync();
        var creates = _env.Oci.Calls.Count("CreateDbSystem");
        await _env.CreateAsync(DbSystemEnvironment.NewDbSystem(ns, "db", customize: s => s with { AvailabilityDomain = "US-PHOENIX-AD-1" }));

        var failed = await _env.WaitForAsync(ns, "db", d => d.Status?.Status.Conditions?.LastOrDefault()?.Reason == DbSystemConditionReason.AvailabilityDomainNotFound, "failed");

        Assert.That(DbSystemEnvironment.CurrentCondition(failed), Is.EqualTo(DbSystemConditionType.Failed));
        Assert.That(failed.Status!.Status.Message, Does.Contain("US-PHOENIX-AD-1").And.Contain(_env.Oci.AvailabilityDomains[0]).And.Contain(_env.Oci.AvailabilityDomains[2]));
        Assert.That(_env.Oci.Calls.Count("CreateDbSystem"), Is.EqualTo(creates), "nothing sent to OCI's MySQL API");
        // The Event follows the status write: wait for it, then make sure it is the only one.
        Assert.That(await Eventually.TrueAsync(async () => (await _env.EventsAsync(ns, "db")).Any(e => e.Reason == DbSystemConditionReason.AvailabilityDomainNotFound)), Is.True, "a Warning Event");
        Assert.That((await _env.EventsAsync(ns, "db")).Count(e => e.Reason == DbSystemConditionReason.AvailabilityDomainNotFound && e.Type == "Warning"), Is.EqualTo(1));
        await _env.DeleteAsync(ns, "db");
        Assert.That(await Eventually.TrueAsync(async () => await _env.GetAsync(ns, "db") is null), Is.True, "deleted without waiting on OCI");
    }

    [Test]
    public async Task Create_SuffixOnlyAdInCompartmentThatDoesNotExist_PermanentFailureWithOcisMessageWithoutCreateOrHotLoop()
    {
        var ns = await NamespaceAsync();
        var creates = _env.Oci.Calls.Count("CreateDbSystem");
        var lists = _env.Oci.Calls.Count("ListAvailabilityDomains");
        await _env.CreateAsync(DbSystemEnvironment.NewDbSystem(ns, "db", customize: s => s with { AvailabilityDomain = "AD-1", CompartmentId = "ocid1.compartment.oc1..nosuchcompartment" }));

        var failed = await _env.WaitForAsync(ns, "db", d => d.Status?.Status.Conditions?.LastOrDefault()?.Reason == DbSystemConditionReason.OciRequestFailed, "failed");
        // Bounded settle for a negative assertion (a hot loop would call again within milliseconds).
        await Task.Delay(TimeSpan.FromMilliseconds(300));

        Assert.That(DbSystemEnvironment.CurrentCondition(failed), Is.EqualTo(DbSystemConditionType.Failed));
        Assert.That(failed.Status!.Status.Message, Does.Contain("404 NotAuthorizedOrNotFound: Authorization failed or requested resource not found"));
        Assert.That(_env.Oci.Calls.Count("ListAvailabilityDomains") - lists, Is.EqualTo(1), "one identity call per attempt");
        Assert.That(_env.Oci.Calls.Count("CreateDbSystem"), Is.EqualTo(creates), "no create in a compartment OCI does not know");
        Assert.That((await _env.EventsAsync(ns, "db")).Count(e => e.Reason == DbSystemConditionReason.OciRequestFailed && e.Type == "Warning"), Is.EqualTo(1), "one Warning Event");
        await _env.DeleteAsync(ns, "db");
        Assert.That(await Eventually.TrueAsync(async () => await _env.GetAsync(ns, "db") is null), Is.True, "deleted without waiting on OCI");
    }

    private static IEnumerable<TestCaseData> Refusals()
    {
        yield return new TestCaseData(new Func<DbSystemSpec, DbSystemSpec>(s => s with { ConfigurationId = "ocid1.mysqlconfiguration.oc1..doesnotexist" }), "NotAuthorizedOrNotFound")
            .SetName("Create_ConfigurationThatDoesNotExist_PermanentFailureAfterOneCall");
        yield return new TestCaseData(new Func<DbSystemSpec, DbSystemSpec>(s => s with { ConfigurationId = "ocid1.mysqlconfiguration.oc1..exampleuniqueID" }), "cannot be used with shape MySQL.2")
            .SetName("Create_ConfigurationForAnotherShape_PermanentFailureAfterOneCall");
        yield return new TestCaseData(new Func<DbSystemSpec, DbSystemSpec>(s => s with { NsgIds = ["sg-123"] }), "nsgIds")
            .SetName("Create_MalformedNsgIds_PermanentFailureAfterOneCall");
        yield return new TestCaseData(new Func<DbSystemSpec, DbSystemSpec>(s => s with { DataStorageSizeInGBs = 500, DataStorage = new DbSystemDataStorage { MaxStorageSizeInGBs = 100 } }), "maxStorageSizeInGBs")
            .SetName("Create_MaxStorageBelowStorageSize_PermanentFailureAfterOneCall");
        yield return new TestCaseData(new Func<DbSystemSpec, DbSystemSpec>(s => s with { CompartmentId = "ocid1.compartment.oc1..doesnotexist" }), "404 NotAuthorizedOrNotFound: Authorization failed or requested resource not found")
            .SetName("Create_CompartmentThatDoesNotExist_PermanentFailureAfterOneCall");
    }

    [TestCaseSource(nameof(Refusals))]
    public async Task Create_RefusedAsOciRefuses_PermanentFailureWithOcisMessageAfterOneCall(Func<DbSystemSpec, DbSystemSpec> customize, string messagePart)
    {
        var ns = await NamespaceAsync();
        var creates = _env.Oci.Calls.Count("CreateDbSystem");
        var callsBefore = _env.Oci.Calls.All.Count;
        await _env.CreateAsync(DbSystemEnvironment.NewDbSystem(ns, "db", customize: customize));

        var failed = await _env.WaitForAsync(ns, "db", d => d.Status?.Status.Conditions?.LastOrDefault()?.Reason == DbSystemConditionReason.OciRequestFailed, "failed");
        // Bounded settle for a negative assertion (a second call would follow within milliseconds).
        await Task.Delay(TimeSpan.FromMilliseconds(300));

        Assert.That(DbSystemEnvironment.CurrentCondition(failed), Is.EqualTo(DbSystemConditionType.Failed));
        Assert.That(failed.Status!.Status.Message, Does.Contain(messagePart));
        Assert.That(_env.Oci.Calls.Count("CreateDbSystem") - creates, Is.EqualTo(1), "one CreateDbSystem per attempt:\n" + string.Join("\n", _env.Oci.Calls.All.Skip(callsBefore)) + "\n" + _env.Logs.AllText);
        Assert.That((await _env.EventsAsync(ns, "db")).Count(e => e.Reason == DbSystemConditionReason.OciRequestFailed && e.Type == "Warning"), Is.EqualTo(1), "one Warning Event");
        Assert.That(_env.Oci.DbSystems.Any(d => d.DisplayName == "db" && d.CompartmentId == DbSystemEnvironment.Compartment && failed.Status.Status.Ocid == d.Id), Is.False);
    }
}
