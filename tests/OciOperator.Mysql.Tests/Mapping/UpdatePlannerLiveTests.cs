using OciOperator.Mysql.Api;
using OciOperator.Mysql.Controllers;
using OciOperator.Mysql.Mapping;
using OciOperator.Mysql.Ownership;

namespace OciOperator.Mysql.Tests.Mapping;

/// <summary>
/// <see cref="UpdatePlanner.AgainstLive"/>: the desired spec against the live DB system (binding by spec.id, and
/// the resync check for out-of-band changes). OCI's additions and normalisation are not drift.
/// </summary>
public sealed class UpdatePlannerLiveTests
{
    private static readonly string[][] FieldLists = [[.. SpecFields.DriftChecked], [.. SpecFields.Mutable]];

    [TestCaseSource(nameof(FieldLists))]
    public void AgainstLive_LiveMatchesSpecWithOciAdditions_NoChanges(string[] fields)
    {
        var changes = UpdatePlanner.AgainstLive(TestDbSystems.With(LiveSamples.Desired()), LiveSamples.Live(), fields, checkForceNew: true);

        Assert.That(changes.ForceNewFields, Is.Empty);
        Assert.That(changes.UpdatedFields, Is.Empty);
        Assert.That(changes.Update, Is.Null);
    }

    [Test]
    public void AgainstLive_DefinedTagsOnlyOciAddedNamespace_NoChange()
    {
        var live = LiveSamples.Live() with
        {
            DefinedTags = LiveSamples.Tags(("ops", "cost", "42"), ("Oracle-Tags", "CreatedBy", "ocid1.user.oc1..u"), ("Oracle-Tags", "CreatedOn", "2026-11-23T21:10:29.600Z")),
        };

        var changes = UpdatePlanner.AgainstLive(TestDbSystems.With(LiveSamples.Desired()), live, SpecFields.DriftChecked, checkForceNew: false);

        Assert.That(changes.Update, Is.Null);
    }

    [Test]
    public void AgainstLive_DefinedTagsExtraKeyInSpecNamespace_NoChange()
    {
        var live = LiveSamples.Live() with { DefinedTags = LiveSamples.Tags(("ops", "cost", "42"), ("ops", "owner", "someone")) };

        var changes = UpdatePlanner.AgainstLive(TestDbSystems.With(LiveSamples.Desired()), live, SpecFields.DriftChecked, checkForceNew: false);

        Assert.That(changes.Update, Is.Null);
    }

    private static readonly TestCaseData[] DefinedTagsDrift =
    [
        new TestCaseData(LiveSamples.Tags(("ops", "cost", "43"), ("Oracle-Tags", "CreatedBy", "u"))).SetName("AgainstLive_DefinedTagValueChanged_DefinedTagsSent"),
        new TestCaseData(LiveSamples.Tags(("Oracle-Tags", "CreatedBy", "u"))).SetName("AgainstLive_DefinedTagNamespaceMissing_DefinedTagsSent"),
        new TestCaseData(LiveSamples.Tags(("ops", "other", "42"))).SetName("AgainstLive_DefinedTagKeyMissing_DefinedTagsSent"),
        new TestCaseData(null).SetName("AgainstLive_NoDefinedTagsLive_DefinedTagsSent"),
    ];

    [TestCaseSource(nameof(DefinedTagsDrift))]
    public void AgainstLive_DefinedTagsDiffer_DefinedTagsSentAsInSpec(IDictionary<string, IDictionary<string, string>>? liveTags)
    {
        var live = LiveSamples.Live() with { DefinedTags = liveTags };

        var changes = UpdatePlanner.AgainstLive(TestDbSystems.With(LiveSamples.Desired()), live, SpecFields.DriftChecked, checkForceNew: false);

        Assert.That(changes.UpdatedFields, Is.EqualTo(new[] { "spec.definedTags" }));
        Assert.That(changes.Update!.DefinedTags!.Keys, Is.EqualTo(new[] { "ops" }));
        Assert.That(changes.Update.DefinedTags["ops"]["cost"].GetString(), Is.EqualTo("42"));
    }

    [Test]
    public void AgainstLive_NsgIdsInOtherOrder_NoChange()
    {
        var live = LiveSamples.Live() with { NsgIds = ["ocid1.nsg.oc1..b", "ocid1.nsg.oc1..a"] };

        var changes = UpdatePlanner.AgainstLive(TestDbSystems.With(LiveSamples.Desired()), live, SpecFields.DriftChecked, checkForceNew: false);

        Assert.That(changes.Update, Is.Null);
    }

    private static readonly TestCaseData[] NsgDrift =
    [
        new TestCaseData((object?)new[] { "ocid1.nsg.oc1..a" }).SetName("AgainstLive_NsgRemovedOutOfBand_NsgIdsSent"),
        new TestCaseData((object?)new[] { "ocid1.nsg.oc1..a", "ocid1.nsg.oc1..b", "ocid1.nsg.oc1..c" }).SetName("AgainstLive_NsgAddedOutOfBand_NsgIdsSent"),
        new TestCaseData((object?)new[] { "ocid1.nsg.oc1..a", "ocid1.nsg.oc1..c" }).SetName("AgainstLive_NsgReplacedOutOfBand_NsgIdsSent"),
        new TestCaseData((object?)null).SetName("AgainstLive_NoNsgsLive_NsgIdsSent"),
    ];

    [TestCaseSource(nameof(NsgDrift))]
    public void AgainstLive_NsgIdsDiffer_NsgIdsSent(string[]? liveNsgs)
    {
        var live = LiveSamples.Live() with { NsgIds = liveNsgs };

        var changes = UpdatePlanner.AgainstLive(TestDbSystems.With(LiveSamples.Desired()), live, SpecFields.DriftChecked, checkForceNew: false);

        Assert.That(changes.UpdatedFields, Is.EqualTo(new[] { "spec.nsgIds" }));
        Assert.That(changes.Update!.NsgIds, Is.EqualTo(LiveSamples.Desired().NsgIds));
    }

    [TestCase(50, false, TestName = "AgainstLive_StorageSame_NoChange")]
    [TestCase(60, false, TestName = "AgainstLive_StorageAutoExpanded_NoChange")]
    [TestCase(1024, false, TestName = "AgainstLive_StorageAutoExpandedFar_NoChange")]
    [TestCase(40, true, TestName = "AgainstLive_StorageShrunk_StorageSent")]
    [TestCase(null, true, TestName = "AgainstLive_StorageUnknown_StorageSent")]
    public void AgainstLive_DataStorageSize_OnlyShrinkIsDrift(int? liveSize, bool drift)
    {
        var live = LiveSamples.Live() with { DataStorageSizeInGBs = liveSize };

        var changes = UpdatePlanner.AgainstLive(TestDbSystems.With(LiveSamples.Desired()), live, SpecFields.DriftChecked, checkForceNew: false);

        Assert.That(changes.Update?.DataStorageSizeInGBs, Is.EqualTo(drift ? 50 : null));
        Assert.That(changes.UpdatedFields, Is.EqualTo(drift ? new[] { "spec.dataStorageSizeInGBs" } : []));
    }

    [TestCase("8.0.35", "8.0.35", false, TestName = "AgainstLive_VersionSame_NotForceNew")]
    [TestCase("8.0.35", "8.0.36", false, TestName = "AgainstLive_VersionAutoUpgradedPatch_NotForceNew")]
    [TestCase("8.0", "8.0.36", false, TestName = "AgainstLive_VersionTrackSatisfied_NotForceNew")]
    [TestCase("8.0.35", "8.0.36-u1", false, TestName = "AgainstLive_VersionAutoUpgradedWithSuffix_NotForceNew")]
    [TestCase("8.0.35", "8.4.3", true, TestName = "AgainstLive_VersionOtherMinor_ForceNew")]
    [TestCase("8.0.35", "9.1.0", true, TestName = "AgainstLive_VersionOtherMajor_ForceNew")]
    [TestCase("8.0", "8.4.3", true, TestName = "AgainstLive_VersionTrackOtherMinor_ForceNew")]
    [TestCase("8.0.36", "8.0.35", true, TestName = "AgainstLive_VersionLiveOlder_ForceNew")]
    public void AgainstLive_MysqlVersion_ForceNewOnlyOutsideTrack(string desiredVersion, string liveVersion, bool forceNew)
    {
        var live = LiveSamples.Live() with { MysqlVersion = liveVersion };
        var desired = LiveSamples.Desired() with { MysqlVersion = desiredVersion };

        var changes = UpdatePlanner.AgainstLive(TestDbSystems.With(desired), live, SpecFields.Mutable, checkForceNew: true);

        Assert.That(changes.ForceNewFields, Is.EqualTo(forceNew ? new[] { "spec.mysqlVersion" } : []));
        Assert.That(changes.Update, Is.Null);
    }

    [TestCase("US-ASHBURN-AD-1", "qqZb:US-ASHBURN-AD-1", false, TestName = "AgainstLive_SuffixOnlyAd_NotForceNew")]
    [TestCase("qqZb:US-ASHBURN-AD-1", "qqZb:US-ASHBURN-AD-1", false, TestName = "AgainstLive_FullAd_NotForceNew")]
    [TestCase("US-ASHBURN-AD-2", "qqZb:US-ASHBURN-AD-1", true, TestName = "AgainstLive_OtherAd_ForceNew")]
    public void AgainstLive_AvailabilityDomain_SuffixOnlyIsTheSame(string desiredAd, string liveAd, bool forceNew)
    {
        var live = LiveSamples.Live() with { AvailabilityDomain = liveAd };
        var desired = LiveSamples.Desired() with { AvailabilityDomain = desiredAd };

        var changes = UpdatePlanner.AgainstLive(TestDbSystems.With(desired), live, SpecFields.Mutable, checkForceNew: true);

        Assert.That(changes.ForceNewFields, Is.EqualTo(forceNew ? new[] { "spec.availabilityDomain" } : []));
    }

    private static readonly TestCaseData[] LiveForceNewChanges =
    [
        new TestCaseData("compartmentId", LiveSamples.Live() with { CompartmentId = "ocid1.compartment.oc1..moved" }),
        new TestCaseData("subnetId", LiveSamples.Live() with { SubnetId = "ocid1.subnet.oc1..other" }),
        new TestCaseData("faultDomain", LiveSamples.Live() with { FaultDomain = "FAULT-DOMAIN-1" }),
        new TestCaseData("ipAddress", LiveSamples.Live() with { IpAddress = "10.0.9.9" }),
        new TestCaseData("port", LiveSamples.Live() with { Port = 3307 }),
        new TestCaseData("portX", LiveSamples.Live() with { PortX = 33070 }),
    ];

    [TestCaseSource(nameof(LiveForceNewChanges))]
    public void AgainstLive_ForceNewFieldDiffersWhenChecked_NeedsReplacement(string field, DbSystemStatus live)
    {
        var changes = UpdatePlanner.AgainstLive(TestDbSystems.With(LiveSamples.Desired()), live, SpecFields.Mutable, checkForceNew: true);

        Assert.That(changes.ForceNewFields, Is.EqualTo(new[] { "spec." + field }));
        Assert.That(changes.Update, Is.Null);
    }

    [TestCaseSource(nameof(LiveForceNewChanges))]
    public void AgainstLive_ForceNewFieldDiffersWhenNotChecked_Ignored(string field, DbSystemStatus live)
    {
        var changes = UpdatePlanner.AgainstLive(TestDbSystems.With(LiveSamples.Desired()), live, SpecFields.DriftChecked, checkForceNew: false);

        Assert.That(changes.NeedsReplacement, Is.False, field);
        Assert.That(changes.Update, Is.Null, field);
    }

    [Test]
    public void AgainstLive_SourceAndAdminUsername_NeverComparedWithLive()
    {
        var desired = LiveSamples.Desired() with
        {
            Source = new DbSystemSource { SourceType = "BACKUP", BackupId = "ocid1.mysqlbackup.oc1..b" },
            AdminUsername = new AdminCredentialSource { Secret = new SecretSource { SecretName = "admin" } },
        };

        var changes = UpdatePlanner.AgainstLive(TestDbSystems.With(desired), LiveSamples.Live(), SpecFields.Mutable, checkForceNew: true);

        Assert.That(changes.NeedsReplacement, Is.False);
        Assert.That(changes.Update, Is.Null);
    }

    [Test]
    public void AgainstLive_DisplayNameChangedOutOfBand_OnlyDisplayNameSent()
    {
        var live = LiveSamples.Live() with { DisplayName = "renamed-in-console" };

        var changes = UpdatePlanner.AgainstLive(TestDbSystems.With(LiveSamples.Desired()), live, SpecFields.DriftChecked, checkForceNew: false);

        Assert.That(changes.UpdatedFields, Is.EqualTo(new[] { "spec.displayName" }));
        Assert.That(UpdateBodies.Wire(changes.Update!).Select(p => p.Key), Is.EqualTo(new[] { "displayName" }));
        Assert.That(changes.Update!.DisplayName, Is.EqualTo("db"));
    }

    [Test]
    public void AgainstLive_FieldChangedOutsideGivenList_Ignored()
    {
        var live = LiveSamples.Live() with { DisplayName = "renamed-in-console" };

        var changes = UpdatePlanner.AgainstLive(TestDbSystems.With(LiveSamples.Desired()), live, ["description", "nsgIds"], checkForceNew: false);

        Assert.That(changes.Update, Is.Null);
    }

    [Test]
    public void AgainstLive_FieldUnsetInSpec_NotComparedNorSent()
    {
        var desired = LiveSamples.Desired() with { DisplayName = null, Description = null, ConfigurationId = null };
        var live = LiveSamples.Live() with { DisplayName = "whatever", Description = "anything", ConfigurationId = "ocid1.mysqlconfiguration.oc1..other" };

        var changes = UpdatePlanner.AgainstLive(TestDbSystems.With(desired), live, SpecFields.Mutable, checkForceNew: true);

        Assert.That(changes.Update, Is.Null);
    }

    [Test]
    public void AgainstLive_BoundSystemWithoutOwnershipTags_FreeformTagsSentWithThem()
    {
        var live = LiveSamples.Live() with { FreeformTags = new Dictionary<string, string> { ["team"] = "data" } };

        var changes = UpdatePlanner.AgainstLive(TestDbSystems.With(LiveSamples.Desired()), live, SpecFields.Mutable, checkForceNew: true);

        Assert.That(changes.UpdatedFields, Is.EqualTo(new[] { "spec.freeformTags" }));
        Assert.That(changes.Update!.FreeformTags, Is.EquivalentTo(LiveSamples.OwnedTags()));
    }

    [Test]
    public void AgainstLive_FreeformTagAddedOutOfBand_TagsRestored()
    {
        var live = LiveSamples.Live() with { FreeformTags = new Dictionary<string, string>(LiveSamples.OwnedTags()) { ["added-in-console"] = "x" } };

        var changes = UpdatePlanner.AgainstLive(TestDbSystems.With(LiveSamples.Desired()), live, SpecFields.DriftChecked, checkForceNew: false);

        Assert.That(changes.Update!.FreeformTags, Is.EquivalentTo(LiveSamples.OwnedTags()));
    }

    [Test]
    public void AgainstLive_FreeformTagsInOtherOrder_NoChange()
    {
        var live = LiveSamples.Live() with { FreeformTags = new Dictionary<string, string>(LiveSamples.OwnedTags().Reverse()) };

        var changes = UpdatePlanner.AgainstLive(TestDbSystems.With(LiveSamples.Desired()), live, SpecFields.DriftChecked, checkForceNew: false);

        Assert.That(changes.Update, Is.Null);
    }

    [Test]
    public void AgainstLive_NestedObjectsWithOciDefaults_NoChange()
    {
        var desired = LiveSamples.Desired() with
        {
            BackupPolicy = new DbSystemBackupPolicy { IsEnabled = true, RetentionInDays = 7 },
            DataStorage = new DbSystemDataStorage { IsAutoExpandStorageEnabled = true },
            Maintenance = new DbSystemMaintenance
            {
                WindowStartTime = "sun 02:00",
                MaintenanceDisabledWindows = [new DbSystemMaintenanceDisabledWindow { TimeStart = "2026-12-24T00:00:00Z", TimeEnd = "2026-12-27T00:00:00Z" }],
            },
            DeletionPolicy = new DbSystemDeletionPolicy { IsDeleteProtected = true },
        };
        var live = LiveSamples.Live() with
        {
            BackupPolicy = new DbSystemBackupPolicy
            {
                IsEnabled = true, RetentionInDays = 7, WindowStartTime = "03:00", SoftDelete = "ENABLED", PitrPolicy = new DbSystemPitrPolicy { IsEnabled = false },
            },
            DataStorage = new DbSystemDataStorageStatus
            {
                IsAutoExpandStorageEnabled = true, MaxStorageSizeInGBs = 32768, AllocatedStorageSizeInGBs = 50, DataStorageSizeInGBs = 50, DataStorageSizeLimitInGBs = 32768,
            },
            Maintenance = new DbSystemMaintenanceStatus
            {
                WindowStartTime = "sun 02:00", VersionPreference = "OLDEST", TimeScheduled = new DateTimeOffset(2026, 12, 6, 2, 0, 0, TimeSpan.Zero),
                MaintenanceDisabledWindows = [new DbSystemMaintenanceDisabledWindow { TimeStart = "2026-12-24T00:00:00.000Z", TimeEnd = "2026-12-27T00:00:00.000Z" }],
            },
            DeletionPolicy = new DbSystemDeletionPolicy { IsDeleteProtected = true, AutomaticBackupRetention = "DELETE", FinalBackup = "SKIP_FINAL_BACKUP" },
        };

        var changes = UpdatePlanner.AgainstLive(TestDbSystems.With(desired), live, SpecFields.Mutable, checkForceNew: true);

        Assert.That(changes.UpdatedFields, Is.Empty);
        Assert.That(changes.Update, Is.Null);
    }

    [Test]
    public void AgainstLive_NestedFieldTheSpecSetsDiffers_WholeNestedObjectSent()
    {
        var desired = LiveSamples.Desired() with { BackupPolicy = new DbSystemBackupPolicy { IsEnabled = true, RetentionInDays = 7 } };
        var live = LiveSamples.Live() with { BackupPolicy = new DbSystemBackupPolicy { IsEnabled = true, RetentionInDays = 14, WindowStartTime = "03:00" } };

        var changes = UpdatePlanner.AgainstLive(TestDbSystems.With(desired), live, SpecFields.Mutable, checkForceNew: true);

        Assert.That(changes.UpdatedFields, Is.EqualTo(new[] { "spec.backupPolicy" }));
        Assert.That(changes.Update!.BackupPolicy!.RetentionInDays, Is.EqualTo(7));
        Assert.That(changes.Update.BackupPolicy.IsEnabled, Is.True);
        Assert.That(changes.Update.BackupPolicy.WindowStartTime, Is.Null);
    }

    [Test]
    public void AgainstLive_ListElementAddedOutOfBand_ListSent()
    {
        var desired = LiveSamples.Desired() with { CustomerContacts = [new DbSystemCustomerContact { Email = "dba@example.com" }] };
        var live = LiveSamples.Live() with { CustomerContacts = [new DbSystemCustomerContact { Email = "dba@example.com" }, new DbSystemCustomerContact { Email = "x@example.com" }] };

        var changes = UpdatePlanner.AgainstLive(TestDbSystems.With(desired), live, SpecFields.Mutable, checkForceNew: true);

        Assert.That(changes.UpdatedFields, Is.EqualTo(new[] { "spec.customerContacts" }));
        Assert.That(changes.Update!.CustomerContacts!.Select(c => c.Email), Is.EqualTo(new[] { "dba@example.com" }));
    }

    [Test]
    public void AgainstLive_ZeroValueBlocksFromOsokMigration_NoChange()
    {
        var desired = LiveSamples.Desired() with { Rest = new DbSystemRest(), Source = new DbSystemSource { SourceType = "", JsonData = "" }, Maintenance = new DbSystemMaintenance() };
        var live = LiveSamples.Live() with
        {
            Rest = new DbSystemRest { Configuration = "DBSYSTEM_ONLY", Port = 443 },
            Maintenance = new DbSystemMaintenanceStatus { WindowStartTime = "sun 02:00" },
        };

        var changes = UpdatePlanner.AgainstLive(TestDbSystems.With(desired), live, SpecFields.Mutable, checkForceNew: true);

        Assert.That(changes.NeedsReplacement, Is.False);
        Assert.That(changes.Update, Is.Null);
    }

    [Test]
    public void AgainstLive_NullArguments_Throw()
    {
        Assert.That(() => UpdatePlanner.AgainstLive(null!, LiveSamples.Live(), SpecFields.Mutable, true), Throws.ArgumentNullException);
        Assert.That(() => UpdatePlanner.AgainstLive(TestDbSystems.With(LiveSamples.Desired()), null!, SpecFields.Mutable, true), Throws.ArgumentNullException);
    }
}
