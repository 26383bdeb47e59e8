using OciOperator.Mysql.Api;
using OciOperator.Mysql.Status;

namespace OciOperator.Mysql.Tests.Status;

/// <summary>
/// <see cref="OsokConditions"/>: one entry per type, the current state last with Ready just before it, others False,
/// transition times moved only when a condition's status changes.
/// </summary>
public sealed class OsokConditionsTests
{
    private static readonly DateTimeOffset T0 = new(2026, 11, 23, 21, 0, 0, TimeSpan.Zero);

    private static readonly string[] StateTypes =
    [
        DbSystemConditionType.Provisioning, DbSystemConditionType.Updating, DbSystemConditionType.Active,
        DbSystemConditionType.Failed, DbSystemConditionType.Terminating,
    ];

    [Test]
    public void SetCurrent_NoConditions_ReadyThenCurrent()
    {
        var conditions = OsokConditions.SetCurrent(null, DbSystemConditionType.Provisioning, "Creating", "creating", false, "NotActive", "not yet", T0);

        Assert.That(conditions.Select(c => (c.Type, c.Status)), Is.EqualTo(new[]
        {
            (DbSystemConditionType.Ready, "False"),
            (DbSystemConditionType.Provisioning, "True"),
        }));
        Assert.That(conditions[1].Reason, Is.EqualTo("Creating"));
        Assert.That(conditions[1].Message, Is.EqualTo("creating"));
        Assert.That(conditions[0].Reason, Is.EqualTo("NotActive"));
        Assert.That(conditions[0].Message, Is.EqualTo("not yet"));
        Assert.That(conditions.Select(c => c.LastTransitionTime), Is.All.EqualTo(T0));
    }

    [Test]
    public void SetCurrent_ProvisioningToActive_PreviousTurnedFalseReadyBeforeCurrent()
    {
        var provisioning = OsokConditions.SetCurrent(null, DbSystemConditionType.Provisioning, "Creating", "creating", false, "NotActive", "not yet", T0);

        var active = OsokConditions.SetCurrent(provisioning, DbSystemConditionType.Active, "Active", "db is active", true, "Reconciled", "ok", T0.AddMinutes(5));

        Assert.That(active.Select(c => (c.Type, c.Status)), Is.EqualTo(new[]
        {
            (DbSystemConditionType.Provisioning, "False"),
            (DbSystemConditionType.Ready, "True"),
            (DbSystemConditionType.Active, "True"),
        }));
        Assert.That(active[0].Reason, Is.EqualTo("Creating"), "a turned-off condition keeps its reason");
        Assert.That(active[0].Message, Is.EqualTo("creating"), "a turned-off condition keeps its message");
        Assert.That(active.Select(c => c.LastTransitionTime), Is.All.EqualTo(T0.AddMinutes(5)), "every status changed");
    }

    [Test]
    public void SetCurrent_SameStateAgain_TransitionTimesKept()
    {
        var first = OsokConditions.SetCurrent(null, DbSystemConditionType.Active, "Active", "v1", true, "Reconciled", "ok", T0);

        var again = OsokConditions.SetCurrent(first, DbSystemConditionType.Active, "Active", "v2", true, "Reconciled", "still ok", T0.AddMinutes(10));

        Assert.That(again.Select(c => c.LastTransitionTime), Is.All.EqualTo(T0));
        Assert.That(again[^1].Message, Is.EqualTo("v2"), "message follows the latest call");
        Assert.That(again[^2].Message, Is.EqualTo("still ok"));
    }

    [Test]
    public void SetCurrent_ReadyFlipsWhileStateStays_OnlyReadyTimeMoves()
    {
        var first = OsokConditions.SetCurrent(null, DbSystemConditionType.Active, "Active", "a", false, "EndpointSecretNotOwned", "not ours", T0);

        var fixedSecret = OsokConditions.SetCurrent(first, DbSystemConditionType.Active, "Active", "a", true, "Reconciled", "ok", T0.AddMinutes(3));

        Assert.That(fixedSecret.Single(c => c.Type == DbSystemConditionType.Ready).LastTransitionTime, Is.EqualTo(T0.AddMinutes(3)));
        Assert.That(fixedSecret.Single(c => c.Type == DbSystemConditionType.Active).LastTransitionTime, Is.EqualTo(T0));
    }

    [Test]
    public void SetCurrent_ReturnToEarlierState_ThatStateMovedToTheEnd()
    {
        var c = OsokConditions.SetCurrent(null, DbSystemConditionType.Provisioning, "r", "m", false, "r", "m", T0);
        c = OsokConditions.SetCurrent(c, DbSystemConditionType.Active, "r", "m", true, "r", "m", T0.AddMinutes(1));
        c = OsokConditions.SetCurrent(c, DbSystemConditionType.Updating, "r", "m", false, "r", "m", T0.AddMinutes(2));

        var back = OsokConditions.SetCurrent(c, DbSystemConditionType.Active, "r", "m", true, "r", "m", T0.AddMinutes(3));

        Assert.That(back.Select(x => x.Type), Is.EqualTo(new[]
        {
            DbSystemConditionType.Provisioning, DbSystemConditionType.Updating, DbSystemConditionType.Ready, DbSystemConditionType.Active,
        }));
        Assert.That(back.Where(x => x.Type != DbSystemConditionType.Ready && x.Type != DbSystemConditionType.Active).Select(x => x.Status), Is.All.EqualTo("False"));
        Assert.That(back[^1].LastTransitionTime, Is.EqualTo(T0.AddMinutes(3)));
        Assert.That(back[0].LastTransitionTime, Is.EqualTo(T0.AddMinutes(1)), "Provisioning went False at the first transition and stayed False");
    }

    [Test]
    public void SetCurrent_DuplicateHistoryFromOlderWriter_CollapsedToOneEntryPerType()
    {
        OsokCondition[] history =
        [
            new() { Type = DbSystemConditionType.Provisioning, Status = "True", LastTransitionTime = T0, Reason = "old" },
            new() { Type = DbSystemConditionType.Active, Status = "True", LastTransitionTime = T0.AddMinutes(1) },
            new() { Type = DbSystemConditionType.Provisioning, Status = "True", LastTransitionTime = T0.AddMinutes(2), Reason = "newer" },
            new() { Type = DbSystemConditionType.Failed, Status = "False", LastTransitionTime = T0.AddMinutes(3) },
            new() { Type = DbSystemConditionType.Active, Status = "True", LastTransitionTime = T0.AddMinutes(4) },
        ];

        var conditions = OsokConditions.SetCurrent(history, DbSystemConditionType.Active, "Active", "a", true, "Reconciled", "ok", T0.AddMinutes(9));

        Assert.That(conditions.Select(c => c.Type), Is.Unique);
        Assert.That(conditions.Single(c => c.Type == DbSystemConditionType.Provisioning).Reason, Is.EqualTo("newer"), "the last entry of a type wins");
        Assert.That(conditions.Single(c => c.Type == DbSystemConditionType.Active).LastTransitionTime, Is.EqualTo(T0.AddMinutes(4)));
        Assert.That(conditions.Single(c => c.Type == DbSystemConditionType.Failed).LastTransitionTime, Is.EqualTo(T0.AddMinutes(3)), "still False: time kept");
    }

    [Test]
    public void SetCurrent_EntriesWithUnknownOrEmptyType_Dropped()
    {
        OsokCondition[] existing =
        [
            new() { Type = "", Status = "True" },
            new() { Type = "SomethingElse", Status = "True", LastTransitionTime = T0 },
        ];

        var conditions = OsokConditions.SetCurrent(existing, DbSystemConditionType.Active, "Active", "a", true, "Reconciled", "ok", T0);

        Assert.That(conditions.Select(c => c.Type), Is.EqualTo(new[] { DbSystemConditionType.Ready, DbSystemConditionType.Active }));
    }

    [Test]
    public void SetCurrent_ManyRandomTransitions_InvariantsHoldAndNeverGrows()
    {
        var random = new Random(20261123);
        List<OsokCondition>? conditions = null;
        var now = T0;
        for (var i = 0; i < 500; i++)
        {
            var type = StateTypes[random.Next(StateTypes.Length)];
            var ready = random.Next(2) == 0;
            now = now.AddSeconds(random.Next(1, 120));
            var before = conditions;

            conditions = OsokConditions.SetCurrent(conditions, type, "R" + i, "M" + i, ready, "Ready" + i, "ReadyM" + i, now);

            Assert.That(conditions, Has.Count.LessThanOrEqualTo(6));
            Assert.That(conditions.Select(c => c.Type), Is.Unique);
            Assert.That(conditions[^1].Type, Is.EqualTo(type));
            Assert.That(conditions[^1].Status, Is.EqualTo("True"));
            Assert.That(conditions[^2].Type, Is.EqualTo(DbSystemConditionType.Ready));
            Assert.That(conditions[^2].Status, Is.EqualTo(ready ? "True" : "False"));
            Assert.That(conditions.Take(conditions.Count - 2).Select(c => c.Status), Is.All.EqualTo("False"));
            Assert.That(OsokConditions.Current(conditions)?.Type, Is.EqualTo(type));
            foreach (var condition in conditions)
            {
                var old = before?.SingleOrDefault(c => c.Type == condition.Type);
                var expected = old is not null && old.Status == condition.Status ? old.LastTransitionTime : now;
                Assert.That(condition.LastTransitionTime, Is.EqualTo(expected), $"step {i}, {condition.Type}");
            }
        }
    }

    [Test]
    public void SetCurrent_SubSecondTime_TruncatedToSeconds()
    {
        var conditions = OsokConditions.SetCurrent(null, DbSystemConditionType.Active, "a", "a", true, "r", "r", T0.AddMilliseconds(987));

        Assert.That(conditions.Select(c => c.LastTransitionTime), Is.All.EqualTo(T0));
    }

    [Test]
    public void SetCurrent_TimeWithOffset_SameInstantInUtc()
    {
        var local = new DateTimeOffset(2026, 11, 23, 23, 0, 0, 500, TimeSpan.FromHours(2));

        var conditions = OsokConditions.SetCurrent(null, DbSystemConditionType.Active, "a", "a", true, "r", "r", local);

        Assert.That(conditions[^1].LastTransitionTime, Is.EqualTo(T0));
        Assert.That(conditions[^1].LastTransitionTime!.Value.Offset, Is.EqualTo(TimeSpan.Zero));
    }

    [Test]
    public void Current_ReadyLast_ReturnsLastStateCondition()
    {
        OsokCondition[] conditions =
        [
            new() { Type = DbSystemConditionType.Provisioning, Status = "False" },
            new() { Type = DbSystemConditionType.Active, Status = "True" },
            new() { Type = DbSystemConditionType.Ready, Status = "True" },
        ];

        Assert.That(OsokConditions.Current(conditions)?.Type, Is.EqualTo(DbSystemConditionType.Active));
    }

    [Test]
    public void Current_NoneOrOnlyReady_Null()
    {
        Assert.That(OsokConditions.Current(null), Is.Null);
        Assert.That(OsokConditions.Current([]), Is.Null);
        Assert.That(OsokConditions.Current([new OsokCondition { Type = DbSystemConditionType.Ready, Status = "True" }]), Is.Null);
    }
}
