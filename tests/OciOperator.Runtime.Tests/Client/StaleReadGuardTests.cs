using OciOperator.Runtime.Client;

namespace OciOperator.Runtime.Tests.Client;

public sealed class StaleReadGuardTests
{
    [Test]
    public void IsStale_NothingWritten_IsFalse()
    {
        var guard = new StaleReadGuard();

        Assert.That(guard.IsStale("ns", "a", "5"), Is.False);
    }

    [Test]
    public void IsStale_CacheStillShowsTheReplacedVersion_IsTrueUntilItMovesOn()
    {
        var guard = new StaleReadGuard();
        guard.Wrote("ns", "a", "5", "6");

        Assert.That(guard.IsStale("ns", "a", "5"), Is.True);
        Assert.That(guard.IsStale("ns", "a", "5"), Is.True, "still stale on a second read");
        Assert.That(guard.IsStale("ns", "a", "6"), Is.False);
        Assert.That(guard.Count, Is.Zero, "a fresh read ends the wait");
        Assert.That(guard.IsStale("ns", "a", "5"), Is.False, "forgotten after the fresh read");
    }

    [Test]
    public void IsStale_TwoWritesInOneReconcile_EveryReplacedVersionIsStale()
    {
        var guard = new StaleReadGuard();
        guard.Wrote("ns", "a", "5", "6");
        guard.Wrote("ns", "a", "6", "7");

        Assert.That(guard.IsStale("ns", "a", "5"), Is.True);
        Assert.That(guard.IsStale("ns", "a", "6"), Is.True, "the finalizer write's result is older than the status write");
        Assert.That(guard.IsStale("ns", "a", "9"), Is.False, "someone else's newer write counts as fresh");
    }

    [Test]
    public void IsStale_OtherObjectOrNamespace_IsIndependent()
    {
        var guard = new StaleReadGuard();
        guard.Wrote("ns", "a", "5", "6");

        Assert.That(guard.IsStale("other", "a", "5"), Is.False);
        Assert.That(guard.IsStale("ns", "b", "5"), Is.False);
        Assert.That(guard.IsStale(null, "a", "5"), Is.False, "a cluster-scoped object of the same name is another object");
    }

    [Test]
    public void Forget_RemovesTheEntry()
    {
        var guard = new StaleReadGuard();
        guard.Wrote("ns", "a", "5", "6");
        guard.Forget("ns", "a");

        Assert.That(guard.IsStale("ns", "a", "5"), Is.False);
        Assert.That(guard.Count, Is.Zero);
    }

    [Test]
    public void Wrote_NoChangeOrUnknownVersion_RecordsNothing()
    {
        var guard = new StaleReadGuard();
        guard.Wrote("ns", "a", "5", "5");
        guard.Wrote("ns", "b", null, "6");

        Assert.That(guard.Count, Is.Zero);
    }

    [Test]
    public void CaughtUp_NoReconcileWaiting_IsFalseSoOwnWritesStayFiltered()
    {
        var guard = new StaleReadGuard();
        guard.Wrote("ns", "a", "5", "6");

        Assert.That(guard.CaughtUp("ns", "a", "6"), Is.False);
    }

    [Test]
    public void CaughtUp_ReconcileFoundCacheStale_IsTrueOnceForTheUpdatePastEveryWrittenOverVersion()
    {
        var guard = new StaleReadGuard();
        guard.Wrote("ns", "a", "5", "6");
        guard.Wrote("ns", "a", "6", "7");
        Assert.That(guard.IsStale("ns", "a", "5"), Is.True);

        Assert.That(guard.CaughtUp("ns", "b", "7"), Is.False, "another object");
        Assert.That(guard.CaughtUp("ns", "a", "6"), Is.False, "6 was written over too: still behind");
        Assert.That(guard.CaughtUp("ns", "a", "7"), Is.True, "the cache reached the last write");
        Assert.That(guard.CaughtUp("ns", "a", "8"), Is.False, "once");
    }

    [Test]
    public void CaughtUp_FreshReadOrForget_EndsTheWait()
    {
        var guard = new StaleReadGuard();
        guard.Wrote("ns", "a", "5", "6");
        guard.Wrote("ns", "b", "5", "6");
        Assert.That(guard.IsStale("ns", "a", "5"), Is.True);
        Assert.That(guard.IsStale("ns", "b", "5"), Is.True);

        Assert.That(guard.IsStale("ns", "a", "6"), Is.False);
        guard.Forget("ns", "b");

        Assert.That(guard.CaughtUp("ns", "a", "6"), Is.False, "the reconcile read the fresh version itself");
        Assert.That(guard.CaughtUp("ns", "b", "6"), Is.False, "gone");
    }
}
