using OciOperator.Sandbox.Kube.Serialization;
using System.Text.Json.Nodes;
using OciOperator.Sandbox.Kube.Schema;

namespace OciOperator.Sandbox.Kube.Tests.Schema;

/// <summary>The OSOK DbSystem sample (shared/fixtures/seed) through prune, default and validate.</summary>
public sealed class DbSystemSampleTests
{
    // A cut of OSOK's DbSystem v1beta1 schema (reference/osok.md §1–2): required fields, nested secret refs, status.
    private const string SchemaJson = """
        {"type":"object","properties":{
          "apiVersion":{"type":"string"},"kind":{"type":"string"},"metadata":{"type":"object"},
          "spec":{"type":"object","required":["compartmentId","shapeName","subnetId"],"properties":{
            "compartmentId":{"type":"string"},"displayName":{"type":"string"},"shapeName":{"type":"string"},
            "subnetId":{"type":"string"},"availabilityDomain":{"type":"string"},"isHighlyAvailable":{"type":"boolean"},
            "description":{"type":"string"},"dataStorageSizeInGBs":{"type":"integer"},"port":{"type":"integer"},
            "adminUsername":{"type":"object","properties":{"secret":{"type":"object","required":["secretName"],"properties":{"secretName":{"type":"string"}}}}},
            "adminPassword":{"type":"object","properties":{"secret":{"type":"object","required":["secretName"],"properties":{"secretName":{"type":"string"}}}}},
            "faultDomain":{"type":"string","default":"FAULT-DOMAIN-1"}}},
          "status":{"type":"object","properties":{"status":{"type":"object","properties":{
            "ocid":{"type":"string","minLength":1,"maxLength":255},
            "conditions":{"type":"array","items":{"type":"object","properties":{"type":{"type":"string"},"status":{"type":"string"}}}}}}}}}}
        """;

    private static JsonNode LoadSample()
    {
        var path = RepositoryPaths.SeedFixture("dbsystem_sample.yaml");
        return YamlToJson.Parse(File.ReadAllText(path)) ?? throw new InvalidDataException($"{path} is empty");
    }

    [Test]
    public void Sample_PruneDefaultValidate_IsValidAndDefaulted()
    {
        var schema = StructuralSchema.Parse(JsonNode.Parse(SchemaJson)!);
        var obj = LoadSample();

        var pruned = SchemaPruner.Prune(obj, schema);
        SchemaDefaulter.ApplyDefaults(obj, schema);
        var errors = SchemaValidator.Validate(obj, schema);

        Assert.That(pruned, Is.Empty);
        Assert.That(errors, Is.Empty);
        Assert.That(obj["spec"]!["faultDomain"]!.GetValue<string>(), Is.EqualTo("FAULT-DOMAIN-1"));
        Assert.That(obj["spec"]!["dataStorageSizeInGBs"]!.GetValue<long>(), Is.EqualTo(50));
    }

    [Test]
    public void Sample_WithoutCompartmentAndBadSize_ReportsBoth()
    {
        var schema = StructuralSchema.Parse(JsonNode.Parse(SchemaJson)!);
        var obj = LoadSample();
        obj["spec"]!.AsObject().Remove("compartmentId");
        obj["spec"]!["dataStorageSizeInGBs"] = "fifty";

        var errors = SchemaValidator.Validate(obj, schema);

        Assert.That(errors.Select(e => e.ToString()), Is.EqualTo(new[]
        {
            "spec.compartmentId: Required value",
            "spec.dataStorageSizeInGBs: Invalid value: \"string\": spec.dataStorageSizeInGBs in body must be of type integer: \"string\"",
        }));
    }

    [Test]
    public void OsokStatusColumn_OnSampleWithConditions_ShowsLastConditionType()
    {
        var obj = LoadSample();
        obj["status"] = JsonNode.Parse("""{"status":{"conditions":[{"type":"Provisioning","status":"True"},{"type":"Active","status":"True"}]}}""");
        var column = new PrinterColumn("Status", "string", null, "status of the DbSystem", 0, ".status.status.conditions[-1].type");

        var cells = PrinterColumns.RenderCells(obj, [column], DateTimeOffset.UnixEpoch);

        Assert.That(cells[0]!.GetValue<string>(), Is.EqualTo("Active"));
    }
}
