using Microsoft.Extensions.Time.Testing;
using OciOperator.Runtime.Events;

namespace OciOperator.Runtime.Tests.Events;

public sealed class EventAggregatorTests
{
    private static readonly EventKey Key = new("uid-1", "Warning", "Failed", "Reconcile", "boom");

    [Test]
    public void Observe_RepeatWithinWindow_SameEventWithGrowingCount()
    {
        var time = new FakeTimeProvider();
        var aggregator = new EventAggregator(time);

        var first = aggregator.Observe(Key, "db");
        time.Advance(TimeSpan.FromMinutes(1));
        var second = aggregator.Observe(Key, "db");
        var third = aggregator.Observe(Key, "db");

        Assert.That(first.IsNew, Is.True);
        Assert.That(second.Name, Is.EqualTo(first.Name));
        Assert.That(third.Count, Is.EqualTo(3));
        Assert.That(third.LastSeen - third.FirstSeen, Is.EqualTo(TimeSpan.FromMinutes(1)));
    }

    [Test]
    public void Observe_AfterWindow_StartsNewEvent()
    {
        var time = new FakeTimeProvider();
        var aggregator = new EventAggregator(time);
        var first = aggregator.Observe(Key, "db");

        time.Advance(EventAggregator.Window + TimeSpan.FromSeconds(1));
        var later = aggregator.Observe(Key, "db");

        Assert.That(later.IsNew, Is.True);
        Assert.That(later.Name, Is.Not.EqualTo(first.Name));
    }

    [Test]
    public void Observe_DifferentNote_SeparateSeries()
    {
        var aggregator = new EventAggregator(new FakeTimeProvider());

        var a = aggregator.Observe(Key, "db");
        var b = aggregator.Observe(Key with { Note = "other" }, "db");

        Assert.That(b.IsNew, Is.True);
        Assert.That(b.Name, Is.Not.EqualTo(a.Name));
    }
}
