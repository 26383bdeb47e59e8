using k8s;
using OciOperator.Mysql.Api;
using OciOperator.Mysql.Controllers;
using OciOperator.Mysql.Tests.Support;

namespace OciOperator.Mysql.Tests.Controllers;

/// <summary>
/// The controller's behaviour against the Sandbox and the OCI emulator over HTTP: Secrets, errors and recovery,
/// updates, force-new changes, normalisation, resync, deletion. One namespace per test.
/// </summary>
[NonParallelizable]
public sealed class DbSystemBehaviourTests
{
    private const string Password = "Str0ng-Passw0rd!";
    private DbSystemEnvironment _env = null!;
    private int _counter;

    [OneTimeSetUp]
    public async Task StartAsync()
    {
        _env = await DbSystemEnvironment.StartAsync(new EnvironmentOptions { ResyncPeriod = TimeSpan.FromSeconds(1), PermanentErrorRetry = TimeSpan.FromSeconds(30) });
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
        var ns = $"t{Interlocked.Increment(ref _counter)}";
        await _env.CreateNamespaceAsync(ns);
        return ns;
    }

    private async Task<(string Ns, DbSystem Active)> ActiveDbSystemAsync(Func<DbSystemSpec, DbSystemSpec>? customize = null)
    {
        var ns = await NamespaceAsync();
        await _env.CreateAdminSecretAsync(ns, "admin-secret", "admin", Password);
        await _env.CreateAsync(DbSystemEnvironment.NewDbSystem(ns, "db", customize: customize));
        return (ns, await _env.WaitForActiveAsync(ns, "db"));
    }

    private int UpdatesFor(string ocid) => _env.Updates.Count(u => u.Id == ocid);

    [Test]
    public async Task MissingSecret_ConditionNamesIt_CreatingTheSecretProceedsWithoutEditingTheResource()
    {
        var ns = await NamespaceAsync();
        await _env.CreateAsync(DbSystemEnvironment.NewDbSystem(ns, "db"));

        var waiting = await _env.WaitForAsync(ns, "db", d => d.Status?.Status.Reason == DbSystemConditionType.Failed, "Failed");
        Assert.That(waiting.Status!.Status.Conditions!.Last().Reason, Is.EqualTo("SecretNotFound"));
        Assert.That(waiting.Status.Status.Message, Does.Contain($"Secret {ns}/admin-secret").And.Contain("spec.adminUsername"));
        Assert.That(_env.Oci.DbSystems.Where(d => d.CompartmentId == DbSystemEnvironment.Compartment && d.DisplayName == "db" && d.FreeformTags.GetValueOrDefault("oci-operator-owner") == $"{ns}/db"), Is.Empty);
        // The Event is recorded after the status write; wait for it rather than racing the recorder.
        await Eventually.WaitAsync(
            async () => (await _env.EventsAsync(ns, "db")).Any(e => e.Reason == "SecretNotFound" && e.Type == "Warning"),
            "a SecretNotFound Warning Event");

        await _env.Client.CoreV1.CreateNamespacedSecretAsync(new k8s.Models.V1Secret { Metadata = new() { Name = "admin-secret", NamespaceProperty = ns }, StringData = new Dictionary<string, string> { ["username"] = "admin" } }, ns);
        var noKey = await _env.WaitForAsync(ns, "db", d => d.Status?.Status.Conditions?.Last().Reason == "SecretKeyNotFound", "missing the password key");
        Assert.That(noKey.Status!.Status.Message, Does.Contain("'password'"));

        await _env.Client.CoreV1.PatchNamespacedSecretAsync(new k8s.Models.V1Patch("{\"stringData\":{\"password\":\"" + Password + "\"}}", k8s.Models.V1Patch.PatchType.MergePatch), "admin-secret", ns);
        var active = await _env.WaitForActiveAsync(ns, "db");
        Assert.That(active.Metadata.Generation, Is.EqualTo(1), "the resource was never edited");
    }

    [Test]
    public async Task WeakPassword_FailedWithOciMessageAndRequestId_FixingTheSecretRecovers()
    {
        var ns = await NamespaceAsync();
        await _env.CreateAdminSecretAsync(ns, "admin-secret", "admin", "weak");
        await _env.CreateAsync(DbSystemEnvironment.NewDbSystem(ns, "db"));

        var failed = await _env.WaitForAsync(ns, "db", d => d.Status?.Status.Reason == DbSystemConditionType.Failed, "Failed");
        Assert.That(failed.Status!.Status.Message, Does.Contain("400 InvalidParameter").And.Contain("opc-request-id"));
        Assert.That(failed.Status.Status.OpcRequestId, Is.Not.Null.And.Not.Empty);
        Assert.That(failed.Status.Status.Message, Does.Contain(failed.Status.Status.OpcRequestId));

        await _env.Client.CoreV1.PatchNamespacedSecretAsync(new k8s.Models.V1Patch("{\"stringData\":{\"password\":\"" + Password + "\"}}", k8s.Models.V1Patch.PatchType.MergePatch), "admin-secret", ns);
        await _env.WaitForActiveAsync(ns, "db");
    }

    [Test]
    public async Task UnknownShape_FailedWithOciMessage_FixingTheSpecRecovers()
    {
        var ns = await NamespaceAsync();
        await _env.CreateAdminSecretAsync(ns, "admin-secret", "admin", Password);
        await _env.CreateAsync(DbSystemEnvironment.NewDbSystem(ns, "db", customize: s => s with { ShapeName = "MySQL.Nonexistent" }));

        var failed = await _env.WaitForAsync(ns, "db", d => d.Status?.Status.Reason == DbSystemConditionType.Failed, "Failed");
        Assert.That(failed.Status!.Status.Message, Does.Contain("MySQL.Nonexistent").And.Contain("opc-request-id"));
        Assert.That(await Eventually.TrueAsync(async () => (await _env.EventsAsync(ns, "db")).Any(e => e.Type == "Warning" && e.Message.Contains("MySQL.Nonexistent", StringComparison.Ordinal))), Is.True);

        await _env.PatchSpecAsync(ns, "db", new { shapeName = "MySQL.2" });
        var active = await _env.WaitForActiveAsync(ns, "db");
        Assert.That(active.Status!.ShapeName, Is.EqualTo("MySQL.2"));
    }

    [Test]
    public async Task MutableChange_ExactlyOneUpdateWithOnlyThoseFields()
    {
        var (ns, active) = await ActiveDbSystemAsync();
        var ocid = active.Status!.Status.Ocid!;

        await _env.PatchSpecAsync(ns, "db", new { displayName = "renamed", dataStorageSizeInGBs = 80, freeformTags = new Dictionary<string, string> { ["team"] = "data" } });
        var updated = await _env.WaitForAsync(ns, "db", d => d.Status?.DisplayName == "renamed" && d.Status.LifecycleState == "ACTIVE" && DbSystemEnvironment.CurrentCondition(d) == DbSystemConditionType.Active, "renamed and Active");

        var update = _env.Updates.Single(u => u.Id == ocid).Details;
        Assert.That(update.DisplayName, Is.EqualTo("renamed"));
        Assert.That(update.DataStorageSizeInGBs, Is.EqualTo(80));
        Assert.That(update.FreeformTags!["team"], Is.EqualTo("data"));
        Assert.That(update.FreeformTags, Does.ContainKey("oci-operator-owner-uid"), "ownership tags are kept when tags are replaced");
        Assert.That(update with { DisplayName = null, DataStorageSizeInGBs = null, FreeformTags = null }, Is.EqualTo(new Oci.Mysql.UpdateDbSystemDetails()), "no other field is sent");
        Assert.That(updated.Status!.DataStorageSizeInGBs, Is.EqualTo(80));
        Assert.That(await Eventually.TrueAsync(async () => (await _env.EventsAsync(ns, "db")).Any(e => e.Reason == "UpdateRequested")), Is.True);
    }

    [Test]
    public async Task ImmutableChange_ReplacementRequiredConditionAndNoOciCall()
    {
        var (ns, active) = await ActiveDbSystemAsync();
        var ocid = active.Status!.Status.Ocid!;
        var calls = _env.Oci.Calls.Count("UpdateDbSystem");

        await _env.PatchSpecAsync(ns, "db", new { subnetId = "ocid1.subnet.oc1..other", port = 3307 });
        var refused = await _env.WaitForAsync(ns, "db", d => d.Status?.Status.Conditions?.Last().Reason == "ReplacementRequired", "ReplacementRequired");

        Assert.That(refused.Status!.Status.Message, Does.Contain("spec.subnetId").And.Contain("spec.port"));
        Assert.That(DbSystemEnvironment.Condition(refused, DbSystemConditionType.Ready)?.Status, Is.EqualTo("False"));
        Assert.That(UpdatesFor(ocid), Is.Zero);
        Assert.That(_env.Oci.Calls.Count("UpdateDbSystem"), Is.EqualTo(calls));
        Assert.That(_env.Oci.DbSystems.Single(d => d.Id == ocid).SubnetId, Is.EqualTo(DbSystemEnvironment.Subnet));

        await _env.Client.CustomObjects.PatchNamespacedCustomObjectAsync(
            new k8s.Models.V1Patch("{\"spec\":{\"subnetId\":\"" + DbSystemEnvironment.Subnet + "\",\"port\":null}}", k8s.Models.V1Patch.PatchType.MergePatch),
            DbSystem.KubeGroup, DbSystem.KubeApiVersion, ns, DbSystem.KubePluralName, "db");
        await _env.WaitForActiveAsync(ns, "db");
    }

    [Test]
    public async Task SuffixOnlyAvailabilityDomainAndAutoUpgradedVersion_NoUpdate()
    {
        var (ns, active) = await ActiveDbSystemAsync(s => s with { MysqlVersion = "8.0.42" });
        var ocid = active.Status!.Status.Ocid!;
        Assert.That(active.Status.AvailabilityDomain, Does.Not.StartWith("qqZb:"), "OCI answered its own full name");

        _env.Oci.SetMysqlVersion(ocid, "8.0.43");
        await _env.PatchSpecAsync(ns, "db", new { availabilityDomain = "US-ASHBURN-AD-1", description = "nudge" });
        var after = await _env.WaitForAsync(ns, "db", d => d.Status?.MysqlVersion == "8.0.43" && d.Status.Description == "nudge" && DbSystemEnvironment.CurrentCondition(d) == DbSystemConditionType.Active, "upgraded, described and Active");

        var update = _env.Updates.Single(u => u.Id == ocid).Details;
        Assert.That(update with { Description = null }, Is.EqualTo(new Oci.Mysql.UpdateDbSystemDetails()), "only the description was sent");
        Assert.That(after.Status!.Status.Conditions!.Any(c => c.Reason == "ReplacementRequired"), Is.False);
    }

    [Test]
    public async Task OutOfBandDeletion_DetectedAtResyncAndNotRecreated()
    {
        var (ns, active) = await ActiveDbSystemAsync();
        var ocid = active.Status!.Status.Ocid!;
        var creates = _env.Oci.Calls.CountSucceeded("CreateDbSystem");

        _env.Oci.DeleteDbSystemOutOfBand(ocid);
        var gone = await _env.WaitForAsync(ns, "db", d => d.Status?.Status.Conditions?.Last().Reason == "DeletedOutOfBand", "DeletedOutOfBand");

        Assert.That(gone.Status!.Status.Message, Does.Contain(ocid).And.Contain("not re-created"));
        Assert.That(gone.Status.LifecycleState, Is.EqualTo("DELETED"));
        Assert.That(_env.Oci.Calls.CountSucceeded("CreateDbSystem"), Is.EqualTo(creates));
        Assert.That(await Eventually.TrueAsync(async () => (await _env.EventsAsync(ns, "db")).Any(e => e.Reason == "DeletedOutOfBand" && e.Type == "Warning")), Is.True);

        await _env.DeleteAsync(ns, "db");
        Assert.That(await Eventually.TrueAsync(async () => await _env.GetAsync(ns, "db") is null), Is.True, "a resource whose DB system is gone is deleted at once");
    }

    [Test]
    public async Task OutOfBandChange_DetectedAtResyncAndRestored()
    {
        var (ns, active) = await ActiveDbSystemAsync();
        var ocid = active.Status!.Status.Ocid!;
        await _env.WaitForAsync(ns, "db", d => d.Status?.LastApplied?.Time is { } t && DateTimeOffset.UtcNow - t > TimeSpan.FromSeconds(1), "past one resync period");

        // Out of band, through the OCI API itself (another tool or the console).
        await using (var other = await OciConsole.ConnectAsync(_env.Oci))
        {
            await other.RenameAsync(ocid, "changed-in-console");
        }

        var restored = await _env.WaitForAsync(ns, "db", d => d.Status?.Status.Conditions?.Any(c => c.Reason == "DriftCorrected") == true, "drift corrected");
        await _env.WaitForAsync(ns, "db", d => d.Status?.DisplayName == "db" && DbSystemEnvironment.CurrentCondition(d) == DbSystemConditionType.Active, "restored and Active");
        Assert.That(DbSystemEnvironment.Condition(restored, DbSystemConditionType.Updating)!.Message, Does.Contain("spec.displayName"));
        Assert.That(_env.Updates.Where(u => u.Id == ocid).Select(u => u.Details), Has.Exactly(1).Items, string.Join(" | ", _env.Updates.Where(u => u.Id == ocid).Select(u => u.Details)));
        Assert.That(_env.Updates.Single(u => u.Id == ocid).Details.DisplayName, Is.EqualTo("db"));
        Assert.That(await Eventually.TrueAsync(async () => (await _env.EventsAsync(ns, "db")).Any(e => e.Reason == "DriftCorrected" && e.Type == "Warning")), Is.True);
    }

    [Test]
    public async Task PasswordRotatedInSecret_SentOnceToOci()
    {
        var (ns, active) = await ActiveDbSystemAsync();
        var ocid = active.Status!.Status.Ocid!;

        await _env.Client.CoreV1.PatchNamespacedSecretAsync(new k8s.Models.V1Patch("{\"stringData\":{\"password\":\"N3w-Passw0rd!x\"}}", k8s.Models.V1Patch.PatchType.MergePatch), "admin-secret", ns);
        Assert.That(
            await Eventually.TrueAsync(async () => UpdatesFor(ocid) == 1 && (await _env.GetAsync(ns, "db")) is { } d && DbSystemEnvironment.CurrentCondition(d) == DbSystemConditionType.Active && d.Status!.LifecycleState == "ACTIVE", TimeSpan.FromSeconds(60)),
            Is.True,
            $"the rotated password reaches OCI once and the DbSystem is Active again ({UpdatesFor(ocid)} updates)");

        var update = _env.Updates.Single(u => u.Id == ocid).Details;
        Assert.That(update.AdminPassword, Is.EqualTo("N3w-Passw0rd!x"));
        Assert.That(update with { AdminPassword = null }, Is.EqualTo(new Oci.Mysql.UpdateDbSystemDetails()));
        Assert.That(_env.Oci.DbSystems.Single(d => d.Id == ocid).AdminPasswordChanges, Is.EqualTo(2), "set at create, changed once");

        // A label-only edit of the Secret sends nothing.
        await _env.Client.CoreV1.PatchNamespacedSecretAsync(new k8s.Models.V1Patch("{\"metadata\":{\"labels\":{\"x\":\"y\"}}}", k8s.Models.V1Patch.PatchType.MergePatch), "admin-secret", ns);
        await _env.WaitForAsync(ns, "db", d => d.Status?.LastApplied?.AdminPasswordSecretVersion == _env.Client.CoreV1.ReadNamespacedSecret("admin-secret", ns).Metadata.ResourceVersion, "caught up with the Secret");
        Assert.That(UpdatesFor(ocid), Is.EqualTo(1));
    }

    [Test]
    public async Task DeleteProtected_SurfacedThenRetainKeepsTheDbSystem()
    {
        var (ns, active) = await ActiveDbSystemAsync(s => s with { DeletionPolicy = new DbSystemDeletionPolicy { IsDeleteProtected = true } });
        var ocid = active.Status!.Status.Ocid!;

        await _env.DeleteAsync(ns, "db");
        var blocked = await _env.WaitForAsync(ns, "db", d => d.Status?.Status.Conditions?.Last().Reason == "DeleteProtected", "DeleteProtected");
        Assert.That(blocked.Status!.Status.Message, Does.Contain("delete protection").IgnoreCase.And.Contain(DbSystemAnnotations.Retain));
        Assert.That(_env.Oci.DbSystems.Single(d => d.Id == ocid).LifecycleState, Is.EqualTo("ACTIVE"));

        await _env.Client.CustomObjects.PatchNamespacedCustomObjectAsync(
            new k8s.Models.V1Patch("{\"metadata\":{\"annotations\":{\"oci.oracle.com/deletion-policy\":\"retain\"}}}", k8s.Models.V1Patch.PatchType.MergePatch),
            DbSystem.KubeGroup, DbSystem.KubeApiVersion, ns, DbSystem.KubePluralName, "db");
        Assert.That(await Eventually.TrueAsync(async () => await _env.GetAsync(ns, "db") is null), Is.True);
        Assert.That(_env.Oci.DbSystems.Single(d => d.Id == ocid).LifecycleState, Is.EqualTo("ACTIVE"), "retained in OCI");
    }

    [Test]
    public async Task EndpointSecretNameTakenByAnotherSecret_LeftAloneAndReported()
    {
        var ns = await NamespaceAsync();
        await _env.CreateAdminSecretAsync(ns, "admin-secret", "admin", Password);
        await _env.Client.CoreV1.CreateNamespacedSecretAsync(new k8s.Models.V1Secret { Metadata = new() { Name = "db", NamespaceProperty = ns }, StringData = new Dictionary<string, string> { ["mine"] = "keep" } }, ns);
        await _env.CreateAsync(DbSystemEnvironment.NewDbSystem(ns, "db"));

        var active = await _env.WaitForAsync(ns, "db", d => DbSystemEnvironment.Condition(d, DbSystemConditionType.Ready)?.Reason == "EndpointSecretNotOwned", "reporting the foreign Secret");
        Assert.That(DbSystemEnvironment.Condition(active, DbSystemConditionType.Ready)!.Status, Is.EqualTo("False"));
        Assert.That(DbSystemEnvironment.CurrentCondition(active), Is.EqualTo(DbSystemConditionType.Active));
        var secret = await _env.Client.CoreV1.ReadNamespacedSecretAsync("db", ns);
        Assert.That(secret.Data.Keys, Is.EquivalentTo(new[] { "mine" }));
        Assert.That(await Eventually.TrueAsync(async () => (await _env.EventsAsync(ns, "db")).Any(e => e.Reason == "EndpointSecretNotOwned" && e.Type == "Warning")), Is.True);
    }

    [Test]
    public async Task EndpointSecretEditedOrDeleted_Corrected()
    {
        var (ns, active) = await ActiveDbSystemAsync();

        await _env.Client.CoreV1.PatchNamespacedSecretAsync(new k8s.Models.V1Patch("{\"data\":{\"PrivateIPAddress\":\"MS4yLjMuNA==\"}}", k8s.Models.V1Patch.PatchType.MergePatch), "db", ns);
        Assert.That(await Eventually.TrueAsync(async () => System.Text.Encoding.UTF8.GetString((await _env.Client.CoreV1.ReadNamespacedSecretAsync("db", ns)).Data["PrivateIPAddress"]) == active.Status!.IpAddress), Is.True);

        await _env.Client.CoreV1.DeleteNamespacedSecretAsync("db", ns);
        Assert.That(await Eventually.TrueAsync(async () => (await _env.Client.CoreV1.ListNamespacedSecretAsync(ns)).Items.Any(s => s.Metadata.Name == "db")), Is.True);
    }
}
