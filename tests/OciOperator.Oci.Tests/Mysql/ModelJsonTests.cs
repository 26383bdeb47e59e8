using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization.Metadata;
using OciOperator.Oci.Mysql;

namespace OciOperator.Oci.Tests.Mysql;

public sealed class ModelJsonTests
{
    private static IEnumerable<TestCaseData> RoundTrips()
    {
        yield return new TestCaseData(MysqlSamples.DbSystem, (Func<string, string>)(s => RoundTrip(s, MysqlJsonContext.Default.DbSystem))).SetName("RoundTrip_DbSystem_AllFields");
        yield return new TestCaseData(MysqlSamples.CreateDetailsFull, (Func<string, string>)(s => RoundTrip(s, MysqlJsonContext.Default.CreateDbSystemDetails))).SetName("RoundTrip_CreateDbSystemDetails_AllFields");
        yield return new TestCaseData(MysqlSamples.Summaries, (Func<string, string>)(s => RoundTrip(s, MysqlJsonContext.Default.IReadOnlyListDbSystemSummary))).SetName("RoundTrip_DbSystemSummaryList");
        yield return new TestCaseData(MysqlSamples.WorkRequest, (Func<string, string>)(s => RoundTrip(s, MysqlJsonContext.Default.WorkRequest))).SetName("RoundTrip_WorkRequest");
        yield return new TestCaseData(MysqlSamples.WorkRequestErrors, (Func<string, string>)(s => RoundTrip(s, MysqlJsonContext.Default.IReadOnlyListWorkRequestError))).SetName("RoundTrip_WorkRequestErrors");
        yield return new TestCaseData(MysqlSamples.WorkRequestLogs, (Func<string, string>)(s => RoundTrip(s, MysqlJsonContext.Default.IReadOnlyListWorkRequestLogEntry))).SetName("RoundTrip_WorkRequestLogs");
    }

    private static string RoundTrip<T>(string json, JsonTypeInfo<T> type) => JsonSerializer.Serialize(JsonSerializer.Deserialize(json, type)!, type);

    [TestCaseSource(nameof(RoundTrips))]
    public void RoundTrip_Sample_IsSemanticallyIdentical(string sample, Func<string, string> roundTrip)
    {
        var output = roundTrip(sample);

        Assert.That(JsonNode.DeepEquals(JsonNode.Parse(output), JsonNode.Parse(sample)), Is.True, output);
        Assert.That(output, Does.Not.Contain("null"));
    }

    [Test]
    public void Deserialize_UnknownFieldsAndEnumValues_ToleratedAndKept()
    {
        var node = JsonNode.Parse(MysqlSamples.DbSystem)!.AsObject();
        node["lifecycleState"] = "HIBERNATING";
        node["brandNewField"] = new JsonObject { ["nested"] = 1 };
        node["endpoints"]![0]!["modes"] = new JsonArray("READ", "TELEPATHY");

        var db = JsonSerializer.Deserialize(node.ToJsonString(), MysqlJsonContext.Default.DbSystem)!;
        var again = JsonNode.Parse(JsonSerializer.Serialize(db, MysqlJsonContext.Default.DbSystem))!;

        Assert.That(db.LifecycleState!.Value.Value, Is.EqualTo("HIBERNATING"));
        Assert.That(db.LifecycleState.Value.IsKnown, Is.False);
        Assert.That(db.Endpoints![0].Modes![1].IsKnown, Is.False);
        Assert.That(again["lifecycleState"]!.GetValue<string>(), Is.EqualTo("HIBERNATING"));
        Assert.That(db.Endpoints[0].Modes![0], Is.EqualTo(EndpointMode.Read));
    }

    [Test]
    public void Serialize_MinimalCreate_OmitsUnsetFields()
    {
        var details = new CreateDbSystemDetails
        {
            CompartmentId = "ocid1.compartment.oc1..x",
            ShapeName = "MySQL.2",
            SubnetId = "ocid1.subnet.oc1.iad.x",
            DisplayName = "db1",
            AdminUsername = "admin",
            AdminPassword = "Passw0rd!",
            DataStorageSizeInGBs = 50,
        };

        var json = JsonSerializer.Serialize(details, MysqlJsonContext.Default.CreateDbSystemDetails);

        Assert.That(json, Is.EqualTo("""{"compartmentId":"ocid1.compartment.oc1..x","shapeName":"MySQL.2","subnetId":"ocid1.subnet.oc1.iad.x","displayName":"db1","adminUsername":"admin","adminPassword":"Passw0rd!","dataStorageSizeInGBs":50}"""));
    }

    [Test]
    public void Serialize_PartialUpdate_SendsOnlySetFieldsAndEmptyArrays()
    {
        var update = new UpdateDbSystemDetails { DisplayName = "renamed", NsgIds = [], DeletionPolicy = new DeletionPolicy { IsDeleteProtected = true } };

        var json = JsonSerializer.Serialize(update, MysqlJsonContext.Default.UpdateDbSystemDetails);

        Assert.That(json, Is.EqualTo("""{"displayName":"renamed","nsgIds":[],"deletionPolicy":{"isDeleteProtected":true}}"""));
    }

    [Test]
    public void Deserialize_EnumAsNumber_ClearJsonError()
    {
        var ex = Assert.Throws<JsonException>(() => JsonSerializer.Deserialize("""{"lifecycleState": 3}""", MysqlJsonContext.Default.DbSystem));

        Assert.That(ex!.Message, Does.Contain("DbSystemLifecycleState"));
    }
}
