using Microsoft.Extensions.Time.Testing;
using OciOperator.Mysql.Controllers;
using OciOperator.Mysql.Credentials;
using OciOperator.Mysql.Tests.Support;
using DbSystem = OciOperator.Mysql.Api.DbSystem;

namespace OciOperator.Mysql.Tests.Controllers;

/// <summary>A refused create stands until its inputs change or the slow retry is due (one OCI call per attempt).</summary>
public sealed class RefusedCreatesTests
{
    private static readonly TimeSpan Retry = TimeSpan.FromMinutes(5);

    private static DbSystem Db(long generation = 1, Dictionary<string, string>? annotations = null)
    {
        var db = DbSystemEnvironment.NewDbSystem("ns", "db");
        db.Metadata.Uid = "uid-1";
        db.Metadata.Generation = generation;
        db.Metadata.Annotations = annotations;
        return db;
    }

    private static AdminCredentials Creds(string passwordVersion = "7") => new("admin", "Str0ng-Passw0rd!", "7", passwordVersion);

    private static IEnumerable<TestCaseData> Changes()
    {
        yield return new TestCaseData(RefusedCreates.Inputs(Db(generation: 2), Creds())).SetName("Pending_SpecChanged_TriesAtOnce");
        yield return new TestCaseData(RefusedCreates.Inputs(Db(), Creds(passwordVersion: "8"))).SetName("Pending_SecretChanged_TriesAtOnce");
        yield return new TestCaseData(RefusedCreates.Inputs(Db(annotations: new() { ["retry"] = "1" }), Creds())).SetName("Pending_AnnotationChanged_TriesAtOnce");
    }

    [Test]
    public void Pending_SameInputsBeforeTheRetry_WaitsTheRest()
    {
        var time = new FakeTimeProvider();
        var refusals = new RefusedCreates(time);
        var inputs = RefusedCreates.Inputs(Db(), Creds());
        refusals.Remember("uid-1", inputs, Retry);
        time.Advance(TimeSpan.FromMinutes(1));

        Assert.That(refusals.Pending("uid-1", inputs), Is.EqualTo(TimeSpan.FromMinutes(4)));
        Assert.That(refusals.Pending("uid-2", inputs), Is.Null, "another resource");
    }

    [Test]
    public void Pending_SameInputsAfterTheRetry_TriesAgain()
    {
        var time = new FakeTimeProvider();
        var refusals = new RefusedCreates(time);
        var inputs = RefusedCreates.Inputs(Db(), Creds());
        refusals.Remember("uid-1", inputs, Retry);
        time.Advance(Retry);

        Assert.That(refusals.Pending("uid-1", inputs), Is.Null);
    }

    [TestCaseSource(nameof(Changes))]
    public void Pending_InputsChanged_TriesAtOnce(string changed)
    {
        var refusals = new RefusedCreates(new FakeTimeProvider());
        refusals.Remember("uid-1", RefusedCreates.Inputs(Db(), Creds()), Retry);

        Assert.That(refusals.Pending("uid-1", changed), Is.Null);
    }

    [Test]
    public void Inputs_NeverCarryThePassword()
    {
        var inputs = RefusedCreates.Inputs(Db(), Creds());

        Assert.That(inputs, Does.Not.Contain("Str0ng-Passw0rd!"));
    }
}
