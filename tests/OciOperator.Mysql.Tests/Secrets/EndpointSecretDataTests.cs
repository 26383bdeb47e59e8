using System.Text;
using OciOperator.Mysql.Api;
using OciOperator.Mysql.Secrets;
using OciOperator.Mysql.Tests.Support;

namespace OciOperator.Mysql.Tests.Secrets;

/// <summary>The endpoint Secret's data has OSOK's keys and formats (osok.md §4).</summary>
public sealed class EndpointSecretDataTests
{
    [Test]
    public void Build_ActiveStatus_HasOsokKeysAndFormats()
    {
        var result = EndpointSecretData.Build(DbSystemSamples.FullStatus());

        Assert.That(result.IsComplete, Is.True);
        Assert.That(result.MissingFields, Is.Empty);
        Assert.That(result.Data, Is.EqualTo(new Dictionary<string, string>
        {
            ["PrivateIPAddress"] = "10.0.1.7",
            ["InternalFQDN"] = "db-host",
            ["AvailabilityDomain"] = "qqZb:US-ASHBURN-AD-1",
            ["FaultDomain"] = "FAULT-DOMAIN-2",
            ["MySQLPort"] = "3306",
            ["MySQLXProtocolPort"] = "33060",
            ["Endpoints"] = """[{"ipAddress":"10.0.1.7","port":3306,"portX":33060,"hostname":"db-host","modes":["READ","WRITE"],"status":"ACTIVE","statusDetails":"ok","resourceType":"DBSYSTEM","resourceId":"ocid1.mysqldbsystem.oc1..x"}]""",
        }));
    }

    [Test]
    public void Build_Always_WritesExactlyTheOsokKeys()
    {
        var result = EndpointSecretData.Build(DbSystemSamples.FullStatus());

        Assert.That(result.Data!.Keys, Is.EquivalentTo(new[]
        {
            "PrivateIPAddress", "InternalFQDN", "AvailabilityDomain", "FaultDomain", "MySQLPort", "MySQLXProtocolPort", "Endpoints",
        }));
        Assert.That(EndpointSecretKeys.All, Is.EquivalentTo(result.Data.Keys));
    }

    [Test]
    public void Build_NoTopLevelPlacement_FallsBackToCurrentPlacement()
    {
        var status = DbSystemSamples.FullStatus() with
        {
            AvailabilityDomain = null,
            FaultDomain = "",
            CurrentPlacement = new DbSystemPlacement { AvailabilityDomain = "qqZb:US-ASHBURN-AD-3", FaultDomain = "FAULT-DOMAIN-3" },
        };

        var data = EndpointSecretData.Build(status).Data!;

        Assert.That(data["AvailabilityDomain"], Is.EqualTo("qqZb:US-ASHBURN-AD-3"));
        Assert.That(data["FaultDomain"], Is.EqualTo("FAULT-DOMAIN-3"));
    }

    [Test]
    public void Build_OptionalFieldsAbsent_WritesEmptyValuesAndEmptyArray()
    {
        var status = new DbSystemStatus { IpAddress = "10.0.0.5", AvailabilityDomain = "AD-1", Port = 3306, PortX = 33060 };

        var data = EndpointSecretData.Build(status).Data!;

        Assert.That(data["InternalFQDN"], Is.EqualTo(""));
        Assert.That(data["FaultDomain"], Is.EqualTo(""));
        Assert.That(data["Endpoints"], Is.EqualTo("[]"));
    }

    [Test]
    public void Build_EndpointWithAbsentFieldsAndNonAscii_OmitsThemAndKeepsUtf8()
    {
        var status = DbSystemSamples.FullStatus() with
        {
            Endpoints = [new DbSystemEndpoint { IpAddress = "10.0.1.7", Port = 3306, PortX = 33060, StatusDetails = "prêt" }],
        };

        var data = EndpointSecretData.Build(status).Data!;

        Assert.That(data["Endpoints"], Is.EqualTo("""[{"ipAddress":"10.0.1.7","port":3306,"portX":33060,"statusDetails":"prêt"}]"""));
    }

    [TestCaseSource(nameof(IncompleteStatuses))]
    public void Build_RequiredFieldMissing_ReportsItAndNoData(DbSystemStatus status, string[] missing)
    {
        var result = EndpointSecretData.Build(status);

        Assert.That(result.IsComplete, Is.False);
        Assert.That(result.Data, Is.Null);
        Assert.That(result.ToSecretData(), Is.Null);
        Assert.That(result.MissingFields, Is.EqualTo(missing));
    }

    [Test]
    public void ToSecretData_Complete_EncodesUtf8()
    {
        var secretData = EndpointSecretData.Build(DbSystemSamples.FullStatus()).ToSecretData()!;

        Assert.That(Encoding.UTF8.GetString(secretData["MySQLPort"]), Is.EqualTo("3306"));
        Assert.That(secretData, Has.Count.EqualTo(7));
    }

    private static IEnumerable<TestCaseData> IncompleteStatuses()
    {
        var full = DbSystemSamples.FullStatus();
        yield return new TestCaseData(full with { IpAddress = null }, new[] { "status.ipAddress" }).SetArgDisplayNames("no ipAddress");
        yield return new TestCaseData(full with { IpAddress = "" }, new[] { "status.ipAddress" }).SetArgDisplayNames("empty ipAddress");
        yield return new TestCaseData(full with { AvailabilityDomain = null, CurrentPlacement = null }, new[] { "status.availabilityDomain" })
            .SetArgDisplayNames("no availability domain");
        yield return new TestCaseData(full with { Port = null }, new[] { "status.port" }).SetArgDisplayNames("no port");
        yield return new TestCaseData(full with { Port = 0 }, new[] { "status.port" }).SetArgDisplayNames("port 0");
        yield return new TestCaseData(full with { PortX = -1 }, new[] { "status.portX" }).SetArgDisplayNames("negative portX");
        yield return new TestCaseData(new DbSystemStatus(), new[] { "status.ipAddress", "status.availabilityDomain", "status.port", "status.portX" })
            .SetArgDisplayNames("empty status");
    }
}
