using OciOperator.Mysql.Api;
using OciOperator.Mysql.Mapping;
using OciOperator.Mysql.Tests.Support;

namespace OciOperator.Mysql.Tests.Mapping;

/// <summary>
/// Out-of-band changes of every drift-checked field are found at resync and only that field is restored; random
/// combinations of spec edits send exactly the edited fields.
/// </summary>
public sealed class UpdatePlannerDriftTests
{
    private static readonly LiveEdit[] OutOfBand =
    [
        new("displayName", l => l with { DisplayName = "renamed-in-console" }),
        new("description", l => l with { Description = "edited in console" }),
        new("shapeName", l => l with { ShapeName = "MySQL.8" }),
        new("configurationId", l => l with { ConfigurationId = "ocid1.mysqlconfiguration.oc1..console" }),
        new("dataStorageSizeInGBs", l => l with { DataStorageSizeInGBs = 40 }),
        new("hostnameLabel", l => l with { HostnameLabel = "console-host" }),
        new("isHighlyAvailable", l => l with { IsHighlyAvailable = true }),
        new("nsgIds", l => l with { NsgIds = ["ocid1.nsg.oc1..console"] }),
        new("freeformTags", l => l with { FreeformTags = new Dictionary<string, string>(l.FreeformTags!) { ["team"] = "console" } }),
        new("definedTags", l => l with { DefinedTags = LiveSamples.Tags(("ops", "cost", "1")) }),
        new("crashRecovery", l => l with { CrashRecovery = "DISABLED" }),
        new("databaseManagement", l => l with { DatabaseManagement = "ENABLED" }),
        new("databaseMode", l => l with { DatabaseMode = "READ_ONLY" }),
        new("accessMode", l => l with { AccessMode = "RESTRICTED" }),
    ];

    [Test]
    public void OutOfBandTable_CoversEveryDriftCheckedField()
    {
        Assert.That(OutOfBand.Select(e => e.Field), Is.EquivalentTo(SpecFields.DriftChecked));
    }

    [TestCaseSource(nameof(OutOfBand))]
    public void AgainstLive_FieldChangedOutOfBand_OnlyThatFieldRestored(LiveEdit edit)
    {
        var desired = LiveSamples.Desired();
        var live = edit.Apply(LiveSamples.Live());

        var changes = UpdatePlanner.AgainstLive(TestDbSystems.With(desired), live, SpecFields.DriftChecked, checkForceNew: false);

        Assert.That(changes.UpdatedFields, Is.EqualTo(new[] { "spec." + edit.Field }));
        var wire = UpdateBodies.Wire(changes.Update!);
        Assert.That(wire.Select(p => p.Key), Is.EqualTo(new[] { edit.Field }));
        Assert.That(UpdateBodies.Canonical(wire[edit.Field]), Is.EqualTo(UpdateBodies.Canonical(UpdateBodies.Expected(desired, edit.Field))));
    }

    [Test]
    public void AgainstLastApplied_RandomCombinationsOfEdits_ExactlyTheEditedFieldsSent()
    {
        var random = new Random(6);
        var edits = SpecEditTables.Mutable;
        for (var run = 0; run < 200; run++)
        {
            var applied = DbSystemSamples.FullSpec();
            var chosen = edits.Where(_ => random.Next(3) == 0).ToList();
            var desired = chosen.Aggregate(applied, (spec, edit) => edit.Apply(spec));

            var changes = UpdatePlanner.AgainstLastApplied(TestDbSystems.With(desired), applied);

            var fields = chosen.Select(e => e.Field).ToList();
            Assert.That(changes.UpdatedFields, Is.EquivalentTo(fields.Select(f => "spec." + f)), $"run {run}");
            Assert.That(changes.Update is null ? [] : UpdateBodies.Wire(changes.Update).Select(p => p.Key), Is.EquivalentTo(fields), $"run {run}");
        }
    }

    [Test]
    public void AgainstLastApplied_RandomEditsWithOneForceNew_NothingSent()
    {
        var random = new Random(7);
        for (var run = 0; run < 100; run++)
        {
            var applied = DbSystemSamples.FullSpec();
            var forceNew = SpecEditTables.ForceNew[random.Next(SpecEditTables.ForceNew.Length)];
            var desired = SpecEditTables.Mutable.Where(_ => random.Next(3) == 0).Aggregate(forceNew.Apply(applied), (spec, edit) => edit.Apply(spec));

            var changes = UpdatePlanner.AgainstLastApplied(TestDbSystems.With(desired), applied);

            Assert.That(changes.ForceNewFields, Is.EqualTo(new[] { "spec." + forceNew.Field }), $"run {run}");
            Assert.That(changes.Update, Is.Null, $"run {run}");
        }
    }
}
