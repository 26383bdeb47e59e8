using k8s.Models;
using Microsoft.Extensions.Time.Testing;
using RuntimeConditions = OciOperator.Runtime.Conditions.Conditions;

namespace OciOperator.Runtime.Tests.Conditions;

public sealed class ConditionsTests
{
    [Test]
    public void Set_SameStatusNewReason_KeepsTransitionTimeAndReportsChange()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero));
        var list = new List<V1Condition>();
        RuntimeConditions.Set(list, "Ready", RuntimeConditions.False, "Provisioning", "creating", 1, time);
        var firstTransition = list[0].LastTransitionTime;

        time.Advance(TimeSpan.FromMinutes(5));
        var changed = RuntimeConditions.Set(list, "Ready", RuntimeConditions.False, "Waiting", "still creating", 2, time);

        Assert.That(changed, Is.True);
        Assert.That(list, Has.Count.EqualTo(1));
        Assert.That(list[0].LastTransitionTime, Is.EqualTo(firstTransition));
        Assert.That(list[0].Reason, Is.EqualTo("Waiting"));
        Assert.That(list[0].ObservedGeneration, Is.EqualTo(2));
    }

    [Test]
    public void Set_StatusFlips_MovesTransitionTime()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero));
        var list = new List<V1Condition>();
        RuntimeConditions.Set(list, "Ready", RuntimeConditions.False, "Provisioning", "creating", 1, time);

        time.Advance(TimeSpan.FromMinutes(5));
        RuntimeConditions.Set(list, "Ready", RuntimeConditions.True, "Active", "ready", 1, time);

        Assert.That(list[0].LastTransitionTime, Is.EqualTo(new DateTime(2026, 1, 1, 0, 5, 0, DateTimeKind.Utc)));
        Assert.That(RuntimeConditions.IsTrue(list, "Ready"), Is.True);
    }

    [Test]
    public void Set_NothingChanged_ReturnsFalse()
    {
        var time = new FakeTimeProvider();
        var list = new List<V1Condition>();
        RuntimeConditions.Set(list, "Ready", RuntimeConditions.True, "Active", "ready", 3, time);

        time.Advance(TimeSpan.FromHours(1));
        var changed = RuntimeConditions.Set(list, "Ready", RuntimeConditions.True, "Active", "ready", 3, time);

        Assert.That(changed, Is.False);
    }

    [Test]
    public void Remove_Present_RemovesOnlyThatType()
    {
        var time = new FakeTimeProvider();
        var list = new List<V1Condition>();
        RuntimeConditions.Set(list, "Ready", RuntimeConditions.True, "Active", "ready", 1, time);
        RuntimeConditions.Set(list, "Degraded", RuntimeConditions.False, "Fine", "fine", 1, time);

        var removed = RuntimeConditions.Remove(list, "Ready");

        Assert.That(removed, Is.True);
        Assert.That(list.Select(c => c.Type), Is.EqualTo(new[] { "Degraded" }));
    }
}
