using System.Text.Json;
using System.Text.Json.Nodes;
using OciOperator.Mysql.Api;
using OciOperator.Mysql.Mapping;
using OciOperator.Mysql.Tests.Support;
using OciOperator.Oci.Mysql;

namespace OciOperator.Mysql.Tests.Mapping;

/// <summary>
/// <see cref="StatusProjector"/>: the OCI DB system lands in status under OCI's JSON names, and the operator's own
/// parts (status.status, lastApplied, observedGeneration) are kept.
/// </summary>
public sealed class StatusProjectorTests
{
    /// <summary>
    /// OCI fields the status does not carry, each with the reason: OSOK's status <c>source</c> has no
    /// <c>sourceUrl</c> (<c>reference/osok.md</c> §1.2; a pre-authenticated URL is a credential).
    /// </summary>
    private static readonly string[] NotProjected = ["source.sourceUrl"];

    private static readonly TestCaseData[] NamedFields =
    [
        new TestCaseData("lifecycleState", (Func<DbSystemStatus, object?>)(s => s.LifecycleState), "ACTIVE").SetArgDisplayNames("lifecycleState"),
        new TestCaseData("lifecycleDetails", (Func<DbSystemStatus, object?>)(s => s.LifecycleDetails), "running").SetArgDisplayNames("lifecycleDetails"),
        new TestCaseData("id", (Func<DbSystemStatus, object?>)(s => s.Id), "ocid1.mysqldbsystem.oc1..x").SetArgDisplayNames("id"),
        new TestCaseData("ipAddress", (Func<DbSystemStatus, object?>)(s => s.IpAddress), "10.0.1.7").SetArgDisplayNames("ipAddress"),
        new TestCaseData("port", (Func<DbSystemStatus, object?>)(s => s.Port), 3306).SetArgDisplayNames("port"),
        new TestCaseData("portX", (Func<DbSystemStatus, object?>)(s => s.PortX), 33060).SetArgDisplayNames("portX"),
        new TestCaseData("availabilityDomain", (Func<DbSystemStatus, object?>)(s => s.AvailabilityDomain), "qqZb:US-ASHBURN-AD-1").SetArgDisplayNames("availabilityDomain"),
        new TestCaseData("faultDomain", (Func<DbSystemStatus, object?>)(s => s.FaultDomain), "FAULT-DOMAIN-2").SetArgDisplayNames("faultDomain"),
        new TestCaseData("mysqlVersion", (Func<DbSystemStatus, object?>)(s => s.MysqlVersion), "8.0.36").SetArgDisplayNames("mysqlVersion"),
        new TestCaseData("currentPlacement.availabilityDomain", (Func<DbSystemStatus, object?>)(s => s.CurrentPlacement?.AvailabilityDomain), "qqZb:US-ASHBURN-AD-2").SetArgDisplayNames("currentPlacement.availabilityDomain"),
        new TestCaseData("currentPlacement.faultDomain", (Func<DbSystemStatus, object?>)(s => s.CurrentPlacement?.FaultDomain), "FAULT-DOMAIN-3").SetArgDisplayNames("currentPlacement.faultDomain"),
        new TestCaseData("endpoints[0].hostname", (Func<DbSystemStatus, object?>)(s => s.Endpoints?[0].Hostname), "db-host").SetArgDisplayNames("endpoints[0].hostname"),
        new TestCaseData("endpoints[0].modes", (Func<DbSystemStatus, object?>)(s => string.Join(",", s.Endpoints?[0].Modes ?? [])), "READ,WRITE").SetArgDisplayNames("endpoints[0].modes"),
        new TestCaseData("hostnameLabel", (Func<DbSystemStatus, object?>)(s => s.HostnameLabel), "db-host").SetArgDisplayNames("hostnameLabel"),
        new TestCaseData("dataStorage.allocatedStorageSizeInGBs", (Func<DbSystemStatus, object?>)(s => s.DataStorage?.AllocatedStorageSizeInGBs), 60).SetArgDisplayNames("dataStorage.allocatedStorageSizeInGBs"),
        new TestCaseData("timeCreated", (Func<DbSystemStatus, object?>)(s => s.TimeCreated), new DateTimeOffset(2026, 11, 23, 21, 10, 29, 600, TimeSpan.Zero)).SetArgDisplayNames("timeCreated"),
    ];

    [Test]
    public void Sample_EveryOciPropertyIncludingNested_IsSet()
    {
        var unset = UnsetProperties.Of(OciDbSystemSample.Parse());

        Assert.That(unset, Is.Empty, "the OCI DB system used below must be fully populated");
    }

    [Test]
    public void Project_FullOciDbSystem_EveryLeafUnderTheSameJsonName()
    {
        var live = OciDbSystemSample.Parse();
        var oci = UpdateBodies.Canonical(JsonSerializer.SerializeToNode(live, MysqlJsonContext.Default.DbSystem));

        var status = UpdateBodies.Canonical(ApiJson.ToObject(StatusProjector.Project(live, previous: null, DbSystemSamples.FullSpec())));

        var missing = oci
            .Where(p => !NotProjected.Contains(p.Key) && (!status.TryGetValue(p.Key, out var projected) || projected != p.Value))
            .Select(p => $"{p.Key}: OCI {p.Value}, status {status.GetValueOrDefault(p.Key) ?? "nothing"}")
            .ToList();
        Assert.That(missing, Is.Empty);
    }

    [TestCaseSource(nameof(NotProjected))]
    public void Project_FieldLeftOutOfStatus_IsLeftOutAsDocumented(string path)
    {
        var status = UpdateBodies.Canonical(ApiJson.ToObject(StatusProjector.Project(OciDbSystemSample.Parse(), previous: null, DbSystemSamples.FullSpec())));

        Assert.That(status.Keys, Does.Not.Contain(path));
    }

    [TestCaseSource(nameof(NamedFields))]
    public void Project_NamedField_Projected(string path, Func<DbSystemStatus, object?> read, object expected)
    {
        var status = StatusProjector.Project(OciDbSystemSample.Parse(), previous: null, DbSystemSamples.FullSpec());

        Assert.That(read(status), Is.EqualTo(expected), path);
    }

    [Test]
    public void Project_PreviousStatus_OperatorPartsKept()
    {
        var previous = DbSystemSamples.FullStatus();

        var status = StatusProjector.Project(OciDbSystemSample.Parse(), previous, DbSystemSamples.FullSpec());

        Assert.That(status.Status, Is.SameAs(previous.Status));
        Assert.That(status.ObservedGeneration, Is.EqualTo(previous.ObservedGeneration));
        Assert.That(status.LastApplied, Is.SameAs(previous.LastApplied));
    }

    [Test]
    public void Project_PreviousStatus_OciFieldsReplacedByLiveOnes()
    {
        var previous = DbSystemSamples.FullStatus() with { MysqlVersion = "8.0.35", LifecycleState = "UPDATING" };

        var status = StatusProjector.Project(OciDbSystemSample.Parse(), previous, DbSystemSamples.FullSpec());

        Assert.That(status.MysqlVersion, Is.EqualTo("8.0.36"));
        Assert.That(status.LifecycleState, Is.EqualTo("ACTIVE"));
    }

    [Test]
    public void Project_NoPreviousStatus_EmptyOperatorStatus()
    {
        var status = StatusProjector.Project(OciDbSystemSample.Parse(), previous: null, DbSystemSamples.FullSpec());

        Assert.That(status.Status, Is.Not.Null);
        Assert.That(status.Status.Conditions, Is.Null.Or.Empty);
        Assert.That(status.ObservedGeneration, Is.Null);
        Assert.That(status.LastApplied, Is.Null);
    }

    [Test]
    public void Project_SecretReferences_FromSpecNeverValues()
    {
        var spec = DbSystemSamples.FullSpec();

        var status = StatusProjector.Project(OciDbSystemSample.Parse(), previous: null, spec);

        Assert.That(status.AdminUsername?.Secret?.SecretName, Is.EqualTo(spec.AdminUsername!.Secret!.SecretName));
        Assert.That(status.AdminPassword?.Secret?.SecretName, Is.EqualTo(spec.AdminPassword!.Secret!.SecretName));
    }

    [Test]
    public void Project_SparseOciDbSystem_AbsentFieldsNull()
    {
        var live = new Oci.Mysql.DbSystem { Id = "ocid1.mysqldbsystem.oc1..x", LifecycleState = Oci.Mysql.DbSystemLifecycleState.Creating };

        var status = StatusProjector.Project(live, DbSystemSamples.FullStatus(), DbSystemSamples.FullSpec());

        Assert.That(status.LifecycleState, Is.EqualTo("CREATING"));
        Assert.That(status.IpAddress, Is.Null);
        Assert.That(status.Endpoints, Is.Null);
    }

    [Test]
    public void OwnPartsOnly_FullStatus_KeepsOperatorPartsDropsOciFields()
    {
        var previous = DbSystemSamples.FullStatus();

        var status = StatusProjector.OwnPartsOnly(previous);

        Assert.That(status.Status, Is.SameAs(previous.Status));
        Assert.That(status.ObservedGeneration, Is.EqualTo(previous.ObservedGeneration));
        Assert.That(status.LastApplied, Is.SameAs(previous.LastApplied));
        Assert.That(status.Conditions, Is.SameAs(previous.Conditions));
        Assert.That(
            JsonLeaves.Of(ApiJson.ToObject(status)).Keys.Where(k =>
                !k.StartsWith("status.", StringComparison.Ordinal) && !k.StartsWith("lastApplied.", StringComparison.Ordinal) && !k.StartsWith("conditions[", StringComparison.Ordinal)),
            Is.EquivalentTo(new[] { "observedGeneration" }));
    }

    [Test]
    public void Project_ZprSecurityAttributesWithObjectValues_ProjectedWithoutThatField()
    {
        var json = JsonNode.Parse(OciDbSystemSample.Json)!.AsObject();
        json["securityAttributes"] = JsonNode.Parse("""{"Oracle-ZPR":{"MaxEgressCount":{"value":"42","mode":"audit"}}}""");
        var live = json.Deserialize(MysqlJsonContext.Default.DbSystem)!;

        var previous = DbSystemSamples.FullStatus();

        var status = StatusProjector.Project(live, previous, DbSystemSamples.FullSpec());

        Assert.That(status.SecurityAttributes, Is.Null);
        Assert.That(status.Status, Is.SameAs(previous.Status));
        var expected = UpdateBodies.Canonical(json);
        var projected = UpdateBodies.Canonical(ApiJson.ToObject(status));
        var missing = expected.Keys.Where(k => !k.StartsWith("securityAttributes.", StringComparison.Ordinal) && !NotProjected.Contains(k) && projected.GetValueOrDefault(k) != expected[k]);
        Assert.That(missing, Is.Empty, "every other field is still projected");
    }

    [Test]
    public void Project_NullArguments_Throw()
    {
        Assert.That(() => StatusProjector.Project(null!, null, DbSystemSamples.FullSpec()), Throws.ArgumentNullException);
        Assert.That(() => StatusProjector.Project(OciDbSystemSample.Parse(), null, null!), Throws.ArgumentNullException);
    }
}
