using OciOperator.Mysql.Api;
using OciOperator.Mysql.Status;

namespace OciOperator.Mysql.Tests.Controllers;

public sealed class AsyncTrackingTests
{
    private static readonly DateTimeOffset T0 = new(2026, 11, 23, 0, 0, 0, TimeSpan.Zero);

    [TestCase(DbSystemConditionType.Provisioning, "create")]
    [TestCase(DbSystemConditionType.Updating, "update")]
    [TestCase(DbSystemConditionType.Terminating, "delete")]
    public void Next_OperationInProgress_PendingWithPhaseAndWorkRequest(string type, string phase)
    {
        var next = AsyncTracking.Next(null, type, "CREATING", "ocid1.workrequest.x", "m", T0);

        Assert.That(next?.Current, Is.EqualTo(new OsokAsyncOperation { Source = "lifecycle", Phase = phase, WorkRequestId = "ocid1.workrequest.x", RawStatus = "CREATING", NormalizedClass = "pending", Message = "m", UpdatedAt = T0 }));
    }

    [Test]
    public void Next_SamePollAgain_KeepsRecordAndTimeAndWorkRequest()
    {
        var first = AsyncTracking.Next(null, DbSystemConditionType.Provisioning, "CREATING", "wr", "m", T0);

        var again = AsyncTracking.Next(first, DbSystemConditionType.Provisioning, "CREATING", null, "m", T0.AddMinutes(1));

        Assert.That(again, Is.SameAs(first));
    }

    [Test]
    public void Next_Active_Cleared() =>
        Assert.That(AsyncTracking.Next(AsyncTracking.Next(null, DbSystemConditionType.Updating, "UPDATING", "wr", "m", T0), DbSystemConditionType.Active, "ACTIVE", null, "ok", T0), Is.Null);

    [Test]
    public void Next_FailedDuringOperation_MarkedFailed()
    {
        var pending = AsyncTracking.Next(null, DbSystemConditionType.Provisioning, "CREATING", "wr", "m", T0);

        var failed = AsyncTracking.Next(pending, DbSystemConditionType.Failed, "FAILED", null, "boom", T0.AddMinutes(1));

        Assert.That(failed?.Current?.NormalizedClass, Is.EqualTo("failed"));
        Assert.That(failed?.Current?.Phase, Is.EqualTo("create"));
        Assert.That(failed?.Current?.WorkRequestId, Is.EqualTo("wr"));
        Assert.That(failed?.Current?.UpdatedAt, Is.EqualTo(T0.AddMinutes(1)));
    }

    [Test]
    public void Next_FailedWithNothingInProgress_Null() =>
        Assert.That(AsyncTracking.Next(null, DbSystemConditionType.Failed, null, null, "bad spec", T0), Is.Null);
}
