using OciOperator.Sandbox.Oci;

namespace OciOperator.Sandbox.Oci.Tests.Faults;

/// <summary>The call log's counting and its bounded retention.</summary>
public sealed class OciCallLogTests
{
    private static OciCall Call(string operation, int status) =>
        new(operation, "GET", "/x", status, "id", DateTimeOffset.UnixEpoch, status >= 400 ? "Code" : null, null);

    [Test]
    public void Add_MixedStatuses_CountsTotalAndSucceeded()
    {
        var log = new OciCallLog();
        log.Add(Call("GetDbSystem", 200));
        log.Add(Call("GetDbSystem", 304));
        log.Add(Call("GetDbSystem", 503));
        log.Add(Call("ListDbSystems", 0));

        Assert.That(log.Count("GetDbSystem"), Is.EqualTo(3));
        Assert.That(log.CountSucceeded("GetDbSystem"), Is.EqualTo(2));
        Assert.That(log.CountSucceeded("ListDbSystems"), Is.Zero);
        Assert.That(log.Count("DeleteDbSystem"), Is.Zero);
    }

    [Test]
    public void Add_BeyondCapacity_KeepsNewestButCountsAll()
    {
        var log = new OciCallLog();
        for (var i = 0; i < OciCallLog.Capacity + 5; i++)
        {
            log.Add(Call(i == OciCallLog.Capacity + 4 ? "Last" : "GetDbSystem", 200));
        }

        Assert.That(log.All, Has.Count.EqualTo(OciCallLog.Capacity));
        Assert.That(log.All[^1].Operation, Is.EqualTo("Last"));
        Assert.That(log.Count("GetDbSystem"), Is.EqualTo(OciCallLog.Capacity + 4));
    }

    [Test]
    public void Clear_AfterCalls_Empty()
    {
        var log = new OciCallLog();
        log.Add(Call("GetDbSystem", 200));

        log.Clear();

        Assert.That((log.All.Count, log.Count("GetDbSystem")), Is.EqualTo((0, 0)));
    }
}
