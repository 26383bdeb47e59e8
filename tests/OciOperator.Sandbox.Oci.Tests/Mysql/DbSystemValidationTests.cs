using System.Net;
using System.Text.Json.Nodes;
using OciOperator.Sandbox.Oci.Tests.Support;

namespace OciOperator.Sandbox.Oci.Tests.Mysql;

/// <summary>CreateDbSystem/UpdateDbSystem validation like OCI's: 400 with the exact error code, nothing created.</summary>
public sealed class DbSystemValidationTests
{
    private EmulatorHarness _harness = null!;

    [OneTimeSetUp]
    public async Task OneTimeSetUp() => _harness = await EmulatorHarness.StartAsync();

    [OneTimeTearDown]
    public async Task OneTimeTearDown() => await _harness.DisposeAsync();

    private static IEnumerable<TestCaseData> InvalidCreates()
    {
        static TestCaseData Case(string name, Action<JsonObject> change, string code, string messagePart) =>
            new TestCaseData(change, code, messagePart).SetArgDisplayNames(name);

        yield return Case("missing compartmentId", b => b.Remove("compartmentId"), "MissingParameter", "compartmentId");
        yield return Case("missing shapeName", b => b.Remove("shapeName"), "MissingParameter", "shapeName");
        yield return Case("missing subnetId", b => b.Remove("subnetId"), "MissingParameter", "subnetId");
        yield return Case("missing adminPassword", b => b.Remove("adminPassword"), "MissingParameter", "adminPassword");
        yield return Case("unknown shape", b => b["shapeName"] = "MySQL.Huge", "InvalidParameter", "MySQL.Huge");
        yield return Case("password too short", b => b["adminPassword"] = "Pa0!", "InvalidParameter", "between 8 and 32");
        yield return Case("password too long", b => b["adminPassword"] = "Passw0rd!" + new string('x', 30), "InvalidParameter", "between 8 and 32");
        yield return Case("password without digit", b => b["adminPassword"] = "Password!", "InvalidParameter", "digit");
        yield return Case("password without special", b => b["adminPassword"] = "Passw0rdd", "InvalidParameter", "special");
        yield return Case("password without upper", b => b["adminPassword"] = "passw0rd!", "InvalidParameter", "uppercase");
        yield return Case("storage below minimum", b => b["dataStorageSizeInGBs"] = 49, "InvalidParameter", "between 50 and 131072");
        yield return Case("storage above maximum", b => b["dataStorageSizeInGBs"] = 131073, "InvalidParameter", "between 50 and 131072");
        yield return Case("storage not integer", b => b["dataStorageSizeInGBs"] = "big", "InvalidParameter", "integer");
        yield return Case("reserved username", b => b["adminUsername"] = "root", "InvalidParameter", "reserved");
        yield return Case("malformed subnet", b => b["subnetId"] = "subnet-1", "InvalidParameter", "ocid1.subnet.");
        yield return Case("malformed compartment", b => b["compartmentId"] = "c1", "InvalidParameter", "ocid1.compartment.");
        yield return Case("unknown version", b => b["mysqlVersion"] = "5.7.44", "InvalidParameter", "5.7.44");
        yield return Case("bad fault domain", b => b["faultDomain"] = "FAULT-DOMAIN-9", "InvalidParameter", "FAULT-DOMAIN-9");
        yield return Case("unknown AD", b => b["availabilityDomain"] = "Abcd:PHX-AD-1", "InvalidParameter", "availabilityDomain");
        yield return Case("same port and portX", b => { b["port"] = 3306; b["portX"] = 3306; }, "InvalidParameter", "differ");
        yield return Case("bad enum", b => b["databaseMode"] = "WRITE_ONLY", "InvalidParameter", "READ_WRITE");
        yield return Case("tags not strings", b => b["freeformTags"] = new JsonObject { ["a"] = 1 }, "InvalidParameter", "freeformTags");
    }

    [TestCaseSource(nameof(InvalidCreates))]
    public async Task Create_InvalidBody_400WithCode(Action<JsonObject> change, string code, string messagePart)
    {
        var body = EmulatorHarness.ValidCreateBody();
        change(body);
        var before = _harness.Emulator.DbSystems.Count;

        var response = await _harness.SendAsync(HttpMethod.Post, "20190415/dbSystems", body);
        var error = await EmulatorHarness.ErrorOf(response);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That((string?)error["code"], Is.EqualTo(code));
        Assert.That((string?)error["message"], Does.Contain(messagePart));
        Assert.That(_harness.Emulator.DbSystems, Has.Count.EqualTo(before));
    }

    [Test]
    public async Task Create_InvalidPassword_MessageNeverContainsPassword()
    {
        var body = EmulatorHarness.ValidCreateBody();
        body["adminPassword"] = "secretpassword";

        var response = await _harness.SendAsync(HttpMethod.Post, "20190415/dbSystems", body);

        Assert.That(await response.Content.ReadAsStringAsync(), Does.Not.Contain("secretpassword"));
    }

    [Test]
    public async Task Create_BodyNotJson_400CannotParseRequest()
    {
        var response = await _harness.Http.SendAsync(new HttpRequestMessage(HttpMethod.Post, "20190415/dbSystems")
        {
            Content = new StringContent("{not json", System.Text.Encoding.UTF8, "application/json"),
        });

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That((string?)(await EmulatorHarness.ErrorOf(response))["code"], Is.EqualTo("CannotParseRequest"));
    }

    [Test]
    public async Task Create_VersionTrackAndSuffixAvailabilityDomain_Resolved()
    {
        var body = EmulatorHarness.ValidCreateBody();
        body["mysqlVersion"] = "8.0";
        body["availabilityDomain"] = "US-ASHBURN-AD-2";

        var (_, created) = await _harness.CreateAsync(body);

        Assert.That((string?)created["mysqlVersion"], Is.EqualTo("8.0.42"));
        Assert.That((string?)created["availabilityDomain"], Is.EqualTo(_harness.Emulator.AvailabilityDomains[1]));
    }

    [Test]
    public async Task Create_AvailabilityDomainWithAnotherTenancysPrefix_ResolvedBySuffix()
    {
        var body = EmulatorHarness.ValidCreateBody();
        body["availabilityDomain"] = "qqZb:us-ashburn-AD-3";

        var (_, created) = await _harness.CreateAsync(body);

        Assert.That((string?)created["availabilityDomain"], Is.EqualTo(_harness.Emulator.AvailabilityDomains[2]));
    }

    [Test]
    public async Task Update_ImmutableField_400InvalidParameter()
    {
        var (_, created) = await _harness.CreateAsync();

        var response = await _harness.SendAsync(HttpMethod.Put, $"20190415/dbSystems/{created["id"]}",
            new JsonObject { ["compartmentId"] = EmulatorHarness.CompartmentId });

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That((string?)(await EmulatorHarness.ErrorOf(response))["message"], Does.Contain("compartmentId"));
    }
}
