using System.Net;
using k8s.Autorest;
using OciOperator.Mysql.Api;
using OciOperator.Mysql.Tests.Support;

namespace OciOperator.Mysql.Tests.Api;

/// <summary>
/// The DbSystem CRD carries OCI's bounds, so the API server refuses at once (422) what OCI would refuse later, and
/// still takes the values at the bounds. Over HTTP against the Sandbox with the generated CRD.
/// </summary>
[NonParallelizable]
public sealed class DbSystemCrdBoundsTests
{
    private DbSystemEnvironment _env = null!;
    private int _counter;

    [OneTimeSetUp]
    public async Task StartAsync()
    {
        _env = await DbSystemEnvironment.StartAsync();
        await _env.CreateNamespaceAsync("bounds");
    }

    [OneTimeTearDown]
    public async Task StopAsync()
    {
        if (_env is not null)
        {
            await _env.DisposeAsync();
        }
    }

    private static IEnumerable<TestCaseData> Refused()
    {
        static TestCaseData Case(string name, Func<DbSystemSpec, DbSystemSpec> edit, string field) =>
            new TestCaseData(edit, field).SetName($"Create_{name}_Refused");
        yield return Case("EmptyCompartmentId", s => s with { CompartmentId = string.Empty }, "compartmentId");
        yield return Case("EmptyShapeName", s => s with { ShapeName = string.Empty }, "shapeName");
        yield return Case("EmptySubnetId", s => s with { SubnetId = string.Empty }, "subnetId");
        yield return Case("DisplayName256", s => s with { DisplayName = new string('d', 256) }, "displayName");
        yield return Case("Description401", s => s with { Description = new string('d', 401) }, "description");
        yield return Case("Storage49", s => s with { DataStorageSizeInGBs = 49 }, "dataStorageSizeInGBs");
        yield return Case("Storage131073", s => s with { DataStorageSizeInGBs = 131073 }, "dataStorageSizeInGBs");
        yield return Case("Port0", s => s with { Port = 0 }, "port");
        yield return Case("PortX65536", s => s with { PortX = 65536 }, "portX");
        yield return Case("UnknownDatabaseMode", s => s with { DatabaseMode = "READ_SOMETIMES" }, "databaseMode");
        yield return Case("UnknownAccessMode", s => s with { AccessMode = "OPEN" }, "accessMode");
        yield return Case("NegativeBackupRetention", s => s with { BackupPolicy = new DbSystemBackupPolicy { RetentionInDays = -5 } }, "retentionInDays");
    }

    [TestCaseSource(nameof(Refused))]
    public async Task Create_OutOfBounds_Refused(Func<DbSystemSpec, DbSystemSpec> edit, string field)
    {
        var name = $"db{Interlocked.Increment(ref _counter)}";

        var ex = await Assert.ThrowsAsync<HttpOperationException>(() => _env.CreateAsync(DbSystemEnvironment.NewDbSystem("bounds", name, customize: edit)));

        Assert.That(ex!.Response.StatusCode, Is.EqualTo(HttpStatusCode.UnprocessableEntity), ex.Response.Content);
        Assert.That(ex.Response.Content, Does.Contain(field));
    }

    [Test]
    public async Task Create_ValuesAtTheBounds_Accepted()
    {
        var created = await _env.CreateAsync(DbSystemEnvironment.NewDbSystem("bounds", "edges", customize: s => s with
        {
            DisplayName = new string('d', 255),
            Description = new string('d', 400),
            DataStorageSizeInGBs = 131072,
            Port = 1,
            PortX = 65535,
            DatabaseMode = "READ_ONLY",
            AccessMode = "RESTRICTED",
            BackupPolicy = new DbSystemBackupPolicy { RetentionInDays = 35 },
        }));

        Assert.That(created.Spec.DataStorageSizeInGBs, Is.EqualTo(131072));
    }
}
