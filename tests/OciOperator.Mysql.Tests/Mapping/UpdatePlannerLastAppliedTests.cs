using OciOperator.Mysql.Api;
using OciOperator.Mysql.Controllers;
using OciOperator.Mysql.Mapping;
using OciOperator.Mysql.Ownership;
using OciOperator.Mysql.Tests.Support;

namespace OciOperator.Mysql.Tests.Mapping;

/// <summary>
/// <see cref="UpdatePlanner.AgainstLastApplied"/>: the desired spec against the spec last sent to OCI. Each mutable
/// change is sent alone and whole; force-new changes send nothing.
/// </summary>
public sealed class UpdatePlannerLastAppliedTests
{
    private static readonly SpecEdit[] MutableEdits = SpecEditTables.Mutable;
    private static readonly SpecEdit[] ForceNewEdits = SpecEditTables.ForceNew;

    [TestCaseSource(nameof(MutableEdits))]
    public void AgainstLastApplied_OneMutableFieldChanged_UpdateCarriesExactlyThatField(SpecEdit edit)
    {
        var applied = DbSystemSamples.FullSpec();
        var desired = edit.Apply(applied);

        var changes = UpdatePlanner.AgainstLastApplied(TestDbSystems.With(desired), applied);

        Assert.That(changes.NeedsReplacement, Is.False);
        Assert.That(changes.UpdatedFields, Is.EqualTo(new[] { "spec." + edit.Field }));
        Assert.That(changes.Update, Is.Not.Null);
        var wire = UpdateBodies.Wire(changes.Update!);
        Assert.That(wire.Select(p => p.Key), Is.EqualTo(new[] { edit.Field }));
        Assert.That(UpdateBodies.Canonical(wire[edit.Field]), Is.EqualTo(UpdateBodies.Canonical(UpdateBodies.Expected(desired, edit.Field))));
    }

    [TestCaseSource(nameof(ForceNewEdits))]
    public void AgainstLastApplied_ForceNewFieldChanged_NeedsReplacementAndNoUpdate(SpecEdit edit)
    {
        var applied = DbSystemSamples.FullSpec();
        var desired = edit.Apply(applied);

        var changes = UpdatePlanner.AgainstLastApplied(TestDbSystems.With(desired), applied);

        Assert.That(changes.NeedsReplacement, Is.True);
        Assert.That(changes.ForceNewFields, Is.EqualTo(new[] { "spec." + edit.Field }));
        Assert.That(changes.Update, Is.Null);
    }

    [TestCaseSource(nameof(ForceNewEdits))]
    public void AgainstLastApplied_ForceNewAndMutableChangedTogether_NoUpdateAtAll(SpecEdit edit)
    {
        var applied = DbSystemSamples.FullSpec();
        var desired = edit.Apply(applied) with { DisplayName = "renamed" };

        var changes = UpdatePlanner.AgainstLastApplied(TestDbSystems.With(desired), applied);

        Assert.That(changes.NeedsReplacement, Is.True);
        Assert.That(changes.Update, Is.Null);
    }

    [Test]
    public void AgainstLastApplied_SpecUnchanged_NoChanges()
    {
        var spec = DbSystemSamples.FullSpec();

        var changes = UpdatePlanner.AgainstLastApplied(TestDbSystems.With(DbSystemSamples.FullSpec()), spec);

        Assert.That(changes.NeedsReplacement, Is.False);
        Assert.That(changes.UpdatedFields, Is.Empty);
        Assert.That(changes.Update, Is.Null);
    }

    [Test]
    public void AgainstLastApplied_TwoMutableFieldsChanged_UpdateCarriesBothAndNothingElse()
    {
        var applied = DbSystemSamples.FullSpec();
        var desired = applied with { DisplayName = "renamed", DataStorageSizeInGBs = 100 };

        var changes = UpdatePlanner.AgainstLastApplied(TestDbSystems.With(desired), applied);

        Assert.That(changes.UpdatedFields, Is.EquivalentTo(new[] { "spec.displayName", "spec.dataStorageSizeInGBs" }));
        Assert.That(changes.Update!.DisplayName, Is.EqualTo("renamed"));
        Assert.That(changes.Update.DataStorageSizeInGBs, Is.EqualTo(100));
        Assert.That(UpdateBodies.Wire(changes.Update).Select(p => p.Key), Is.EquivalentTo(new[] { "displayName", "dataStorageSizeInGBs" }));
    }

    [Test]
    public void AgainstLastApplied_OneNestedFieldChanged_WholeNestedObjectSent()
    {
        var applied = DbSystemSamples.FullSpec();
        var desired = applied with { BackupPolicy = applied.BackupPolicy! with { RetentionInDays = 30 } };

        var changes = UpdatePlanner.AgainstLastApplied(TestDbSystems.With(desired), applied);

        var sent = changes.Update!.BackupPolicy!;
        Assert.That(sent.RetentionInDays, Is.EqualTo(30));
        Assert.That(sent.IsEnabled, Is.EqualTo(applied.BackupPolicy.IsEnabled));
        Assert.That(sent.WindowStartTime, Is.EqualTo(applied.BackupPolicy.WindowStartTime));
        Assert.That(sent.SoftDelete?.Value, Is.EqualTo(applied.BackupPolicy.SoftDelete));
        Assert.That(sent.CopyPolicies!.Select(c => c.CopyToRegion), Is.EqualTo(applied.BackupPolicy.CopyPolicies!.Select(c => c.CopyToRegion)));
        Assert.That(sent.PitrPolicy!.IsEnabled, Is.EqualTo(applied.BackupPolicy.PitrPolicy!.IsEnabled));
        Assert.That(sent.FreeformTags, Is.EquivalentTo(applied.BackupPolicy.FreeformTags!));
    }

    [Test]
    public void AgainstLastApplied_MutableFieldRemovedFromSpec_NotSent()
    {
        var applied = DbSystemSamples.FullSpec();
        var desired = applied with { DisplayName = null, Description = null, BackupPolicy = null, NsgIds = null };

        var changes = UpdatePlanner.AgainstLastApplied(TestDbSystems.With(desired), applied);

        Assert.That(changes.UpdatedFields, Is.Empty);
        Assert.That(changes.Update, Is.Null);
    }

    [Test]
    public void AgainstLastApplied_ForceNewFieldRemovedFromSpec_NoReplacement()
    {
        var applied = DbSystemSamples.FullSpec();
        var desired = applied with { Port = null, IpAddress = null, Source = null, MysqlVersion = null, AvailabilityDomain = null };

        var changes = UpdatePlanner.AgainstLastApplied(TestDbSystems.With(desired), applied);

        Assert.That(changes.NeedsReplacement, Is.False);
        Assert.That(changes.Update, Is.Null);
    }

    [Test]
    public void AgainstLastApplied_ForceNewFieldAddedAfterCreation_NeedsReplacement()
    {
        var applied = TestDbSystems.MinimalSpec();
        var desired = applied with { IpAddress = "10.0.1.7" };

        var changes = UpdatePlanner.AgainstLastApplied(TestDbSystems.With(desired), applied);

        Assert.That(changes.ForceNewFields, Is.EqualTo(new[] { "spec.ipAddress" }));
        Assert.That(changes.Update, Is.Null);
    }

    [Test]
    public void AgainstLastApplied_MutableFieldAddedAfterCreation_Sent()
    {
        var applied = TestDbSystems.MinimalSpec();
        var desired = applied with { Description = "now described" };

        var changes = UpdatePlanner.AgainstLastApplied(TestDbSystems.With(desired), applied);

        Assert.That(changes.UpdatedFields, Is.EqualTo(new[] { "spec.description" }));
        Assert.That(changes.Update!.Description, Is.EqualTo("now described"));
    }

    [TestCase("US-ASHBURN-AD-1", "qqZb:US-ASHBURN-AD-1")]
    [TestCase("qqZb:US-ASHBURN-AD-1", "US-ASHBURN-AD-1")]
    [TestCase("qqzb:us-ashburn-ad-1", "qqZb:US-ASHBURN-AD-1")]
    public void AgainstLastApplied_AvailabilityDomainOnlyPrefixOrCaseDiffers_NoChange(string desiredAd, string appliedAd)
    {
        var applied = DbSystemSamples.FullSpec() with { AvailabilityDomain = appliedAd };
        var desired = applied with { AvailabilityDomain = desiredAd };

        var changes = UpdatePlanner.AgainstLastApplied(TestDbSystems.With(desired), applied);

        Assert.That(changes.NeedsReplacement, Is.False);
        Assert.That(changes.Update, Is.Null);
    }

    [Test]
    public void AgainstLastApplied_FreeformTagsChanged_SentWholeWithOwnershipTags()
    {
        var applied = DbSystemSamples.FullSpec() with { FreeformTags = new Dictionary<string, string> { ["team"] = "data", ["tier"] = "gold" } };
        var desired = applied with { FreeformTags = new Dictionary<string, string> { ["team"] = "payments", ["tier"] = "gold" } };

        var changes = UpdatePlanner.AgainstLastApplied(TestDbSystems.With(desired), applied);

        Assert.That(changes.UpdatedFields, Is.EqualTo(new[] { "spec.freeformTags" }));
        Assert.That(changes.Update!.FreeformTags, Is.EquivalentTo(new Dictionary<string, string>
        {
            ["team"] = "payments",
            ["tier"] = "gold",
            [OwnershipTags.OwnerUid] = TestDbSystems.Uid,
            [OwnershipTags.OwnerName] = $"{TestDbSystems.Namespace}/{TestDbSystems.Name}",
        }));
    }

    [Test]
    public void AgainstLastApplied_FreeformTagRemoved_SentWithoutItButWithOwnershipTags()
    {
        var applied = DbSystemSamples.FullSpec() with { FreeformTags = new Dictionary<string, string> { ["team"] = "data", ["tier"] = "gold" } };
        var desired = applied with { FreeformTags = new Dictionary<string, string> { ["team"] = "data" } };

        var changes = UpdatePlanner.AgainstLastApplied(TestDbSystems.With(desired), applied);

        Assert.That(changes.Update!.FreeformTags!.Keys, Is.EquivalentTo(new[] { "team", OwnershipTags.OwnerUid, OwnershipTags.OwnerName }));
    }

    [Test]
    public void AgainstLastApplied_UserForgesOwnershipTagAndEditsAnother_OursSent()
    {
        var applied = DbSystemSamples.FullSpec() with { FreeformTags = new Dictionary<string, string> { ["team"] = "data" } };
        var desired = applied with { FreeformTags = new Dictionary<string, string> { ["team"] = "payments", [OwnershipTags.OwnerUid] = "someone-else" } };

        var changes = UpdatePlanner.AgainstLastApplied(TestDbSystems.With(desired), applied);

        Assert.That(changes.Update?.FreeformTags?[OwnershipTags.OwnerUid], Is.EqualTo(TestDbSystems.Uid));
        Assert.That(changes.Update?.FreeformTags?["team"], Is.EqualTo("payments"));
    }

    [Test]
    public void AgainstLastApplied_UserOnlyForgesOwnershipTag_NoChange()
    {
        var applied = DbSystemSamples.FullSpec() with { FreeformTags = new Dictionary<string, string> { ["team"] = "data" } };
        var desired = applied with { FreeformTags = new Dictionary<string, string> { ["team"] = "data", [OwnershipTags.OwnerUid] = "someone-else" } };

        var changes = UpdatePlanner.AgainstLastApplied(TestDbSystems.With(desired), applied);

        Assert.That(changes.Update, Is.Null);
    }

    [Test]
    public void AgainstLastApplied_FreeformTagsUnsetOnBothSides_NotSent()
    {
        var applied = TestDbSystems.MinimalSpec();
        var desired = applied with { DisplayName = "named" };

        var changes = UpdatePlanner.AgainstLastApplied(TestDbSystems.With(desired), applied);

        Assert.That(changes.UpdatedFields, Is.EqualTo(new[] { "spec.displayName" }));
        Assert.That(changes.Update!.FreeformTags, Is.Null);
    }

    [Test]
    public void AgainstLastApplied_FreeformTagsSameContentOtherOrder_NoChange()
    {
        var applied = DbSystemSamples.FullSpec() with { FreeformTags = new Dictionary<string, string> { ["a"] = "1", ["b"] = "2" } };
        var desired = applied with { FreeformTags = new Dictionary<string, string> { ["b"] = "2", ["a"] = "1" } };

        var changes = UpdatePlanner.AgainstLastApplied(TestDbSystems.With(desired), applied);

        Assert.That(changes.Update, Is.Null);
    }

    [Test]
    public void AgainstLastApplied_OnlyIdOrPasswordReferenceChanged_NothingPlanned()
    {
        var applied = DbSystemSamples.FullSpec();
        var desired = applied with
        {
            Id = "ocid1.mysqldbsystem.oc1..other",
            AdminPassword = new AdminCredentialSource { Secret = new SecretSource { SecretName = "rotated" } },
        };

        var changes = UpdatePlanner.AgainstLastApplied(TestDbSystems.With(desired), applied);

        Assert.That(changes.NeedsReplacement, Is.False);
        Assert.That(changes.UpdatedFields, Is.Empty);
        Assert.That(changes.Update, Is.Null);
    }

    [Test]
    public void AgainstLastApplied_ZeroValueBlockWrittenBack_NoChange()
    {
        var applied = DbSystemSamples.FullSpec() with { Rest = null, SecureConnections = null };
        var desired = applied with { Rest = new DbSystemRest(), SecureConnections = new DbSystemSecureConnections() };

        var changes = UpdatePlanner.AgainstLastApplied(TestDbSystems.With(desired), applied);

        Assert.That(changes.Update, Is.Null);
    }

    [Test]
    public void AgainstLastApplied_ZeroValueBlockFilledIn_BlockSent()
    {
        var applied = DbSystemSamples.FullSpec() with { Rest = new DbSystemRest() };
        var desired = applied with { Rest = new DbSystemRest { Configuration = "DBSYSTEM_ONLY" } };

        var changes = UpdatePlanner.AgainstLastApplied(TestDbSystems.With(desired), applied);

        Assert.That(changes.UpdatedFields, Is.EqualTo(new[] { "spec.rest" }));
        Assert.That(changes.Update!.Rest!.Configuration?.Value, Is.EqualTo("DBSYSTEM_ONLY"));
    }

    [Test]
    public void AgainstLastApplied_NullArguments_Throw()
    {
        Assert.That(() => UpdatePlanner.AgainstLastApplied(null!, new DbSystemSpec()), Throws.ArgumentNullException);
        Assert.That(() => UpdatePlanner.AgainstLastApplied(TestDbSystems.With(new DbSystemSpec()), null!), Throws.ArgumentNullException);
    }

    [TestCase("8.0.35", "8.0", "8.0.35", false, TestName = "AgainstLastApplied_PinRelaxedToItsTrack_NotReplacement")]
    [TestCase("8.0.35", "8.0.36", "8.0.36", false, TestName = "AgainstLastApplied_PinRaisedToAutoUpgradedVersion_NotReplacement")]
    [TestCase("8.0.35", "8.4", "8.0.35", true, TestName = "AgainstLastApplied_OtherTrack_Replacement")]
    [TestCase("8.0.35", "8.0.40", "8.0.36", true, TestName = "AgainstLastApplied_NewerThanRunning_Replacement")]
    [TestCase("8.0.35", "8.0", null, true, TestName = "AgainstLastApplied_VersionChangedLiveUnknown_Replacement")]
    public void AgainstLastApplied_MysqlVersionChanged_ReplacementUnlessRunningVersionSatisfiesIt(string applied, string desired, string? live, bool replacement)
    {
        var appliedSpec = TestDbSystems.MinimalSpec() with { MysqlVersion = applied };

        var changes = UpdatePlanner.AgainstLastApplied(TestDbSystems.With(appliedSpec with { MysqlVersion = desired }), appliedSpec, live);

        Assert.That(changes.NeedsReplacement, Is.EqualTo(replacement));
        Assert.That(changes.Update, Is.Null);
    }
}
