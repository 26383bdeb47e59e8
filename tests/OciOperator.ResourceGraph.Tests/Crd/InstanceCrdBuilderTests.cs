using OciOperator.Sandbox.Kube.Serialization;
using System.Text.Json.Nodes;
using OciOperator.ResourceGraph.Crd;
using OciOperator.ResourceGraph.Tests.Support;

namespace OciOperator.ResourceGraph.Tests.Crd;

[TestFixture]
public sealed class InstanceCrdBuilderTests
{
    private const string Uid = "7c1f4c1e-0000-4000-8000-000000000001";

    private static JsonObject Build(string schemaYaml, string version = "0.1.0") =>
        InstanceCrdBuilder.Build(RgdSchemaReader.Read(YamlToJson.Parse(schemaYaml)), "my-rgd", Uid, version);

    private static JsonNode Version(JsonObject crd) => crd["spec"]!["versions"]![0]!;

    private static JsonNode Root(JsonObject crd) => Version(crd)["schema"]!["openAPIV3Schema"]!;

    [Test]
    public void Build_SeedRgd_NamesAndGroup()
    {
        var crd = InstanceCrdBuilder.Build(RgdSchemaReader.Read(SeedRgd.Schema()), "osok-kro-demo", Uid, "0.1.0");

        Assert.That(crd["metadata"]!["name"]!.GetValue<string>(), Is.EqualTo("osokkrodemoapps.kro.run"));
        Assert.That(JsonText.Canonical(crd["spec"]!["names"]), Is.EqualTo(JsonText.Of(
            "{kind: OsokKroDemoApp, listKind: OsokKroDemoAppList, plural: osokkrodemoapps, singular: osokkrodemoapp}")));
        Assert.That(crd["spec"]!["group"]!.GetValue<string>(), Is.EqualTo("kro.run"));
        Assert.That(crd["spec"]!["scope"]!.GetValue<string>(), Is.EqualTo("Namespaced"));
        Assert.That(crd["spec"]!["versions"]!.AsArray(), Has.Count.EqualTo(1));
        Assert.That(JsonText.Canonical(Version(crd)), Does.Contain("\"name\":\"v1alpha1\""));
        Assert.That((Version(crd)["served"]!.GetValue<bool>(), Version(crd)["storage"]!.GetValue<bool>()), Is.EqualTo((true, true)));
        Assert.That(JsonText.Canonical(Version(crd)["subresources"]), Is.EqualTo("{\"status\":{}}"));
    }

    [Test]
    public void Build_SeedRgd_SpecSchemaWithRequiredAndDefaults()
    {
        var crd = InstanceCrdBuilder.Build(RgdSchemaReader.Read(SeedRgd.Schema()), "osok-kro-demo", Uid, "0.1.0");

        Assert.That(JsonText.Canonical(Root(crd)["properties"]!["spec"]), Is.EqualTo(JsonText.Of("""
            type: object
            required: [availabilityDomain, compartmentId, configurationId, mysqlAdminPassword, mysqlShapeName, subnetId]
            properties:
              compartmentId: {type: string}
              subnetId: {type: string}
              availabilityDomain: {type: string}
              configurationId: {type: string}
              mysqlShapeName: {type: string}
              mysqlAdminUsername: {type: string, default: dbadmin}
              mysqlAdminPassword: {type: string}
              mysqlStorageSizeInGBs: {type: integer, default: 50}
            """)));
    }

    [Test]
    public void Build_SeedRgd_RootAndStatusSchema()
    {
        var crd = InstanceCrdBuilder.Build(RgdSchemaReader.Read(SeedRgd.Schema()), "osok-kro-demo", Uid, "0.1.0");
        var root = Root(crd);

        Assert.That(root["type"]!.GetValue<string>(), Is.EqualTo("object"));
        Assert.That(root["properties"]!.AsObject().Select(p => p.Key), Is.EquivalentTo(new[] { "apiVersion", "kind", "metadata", "spec", "status" }));
        Assert.That(JsonText.Canonical(root["properties"]!["metadata"]), Is.EqualTo("{\"type\":\"object\"}"));
        var status = root["properties"]!["status"]!;
        Assert.That(JsonText.Canonical(status["properties"]!["state"]), Is.EqualTo("{\"type\":\"string\"}"));
        Assert.That(JsonText.Canonical(status["properties"]!["conditions"]), Is.EqualTo(JsonText.Of("""
            type: array
            items:
              type: object
              properties:
                type: {type: string}
                status: {type: string}
                reason: {type: string}
                message: {type: string}
                lastTransitionTime: {type: string}
                observedGeneration: {type: integer}
            """)));
    }

    [Test]
    public void Build_SeedRgd_DefaultPrinterColumns()
    {
        var crd = InstanceCrdBuilder.Build(RgdSchemaReader.Read(SeedRgd.Schema()), "osok-kro-demo", Uid, "0.1.0");

        var columns = Version(crd)["additionalPrinterColumns"]!.AsArray();

        Assert.That(columns.Select(c => (c!["name"]!.GetValue<string>(), c["type"]!.GetValue<string>(), c["jsonPath"]!.GetValue<string>())), Is.EqualTo(new[]
        {
            ("State", "string", ".status.state"),
            ("Ready", "string", ".status.conditions[?(@.type==\"Ready\")].status"),
            ("Age", "date", ".metadata.creationTimestamp"),
        }));
        Assert.That(columns.Select(c => c!["description"]!.GetValue<string>()), Is.EqualTo(new[]
        {
            "The state of a ResourceGraphDefinition instance",
            "Whether a ResourceGraphDefinition instance is ready",
            "Age of the resource",
        }));
    }

    [Test]
    public void Build_SeedRgd_OwnershipLabelsAndNoOwnerReferences()
    {
        var crd = InstanceCrdBuilder.Build(RgdSchemaReader.Read(SeedRgd.Schema()), "osok-kro-demo", Uid, "0.9.3+dev");

        Assert.That(JsonText.Canonical(crd["metadata"]!["labels"]), Is.EqualTo(JsonText.Of($$"""
            {"kro.run/owned": "true", "kro.run/kro-version": "0.9.3-dev",
             "kro.run/resource-graph-definition-id": "{{Uid}}", "kro.run/resource-graph-definition-name": osok-kro-demo}
            """)));
        Assert.That(crd["metadata"]!.AsObject().ContainsKey("ownerReferences"), Is.False);
    }

    [Test]
    public void Build_PrinterColumnsGiven_ReplaceDefaults()
    {
        var crd = Build("""
            kind: App
            apiVersion: v1
            additionalPrinterColumns:
              - {name: Replicas, type: integer, jsonPath: .spec.replicas}
            spec:
              replicas: integer
            """);

        Assert.That(JsonText.Canonical(Version(crd)["additionalPrinterColumns"]), Is.EqualTo(JsonText.Of("[{name: Replicas, type: integer, jsonPath: .spec.replicas}]")));
    }

    [Test]
    public void Build_GroupScopeShortNamesCategories_Copied()
    {
        var crd = Build("""
            kind: Policy
            apiVersion: v1beta1
            group: example.com
            scope: Cluster
            shortNames: [pol]
            categories: [all]
            """);

        Assert.That(crd["metadata"]!["name"]!.GetValue<string>(), Is.EqualTo("policies.example.com"));
        Assert.That(crd["spec"]!["scope"]!.GetValue<string>(), Is.EqualTo("Cluster"));
        Assert.That(crd["spec"]!["group"]!.GetValue<string>(), Is.EqualTo("example.com"));
        Assert.That(JsonText.Canonical(crd["spec"]!["names"]), Is.EqualTo(JsonText.Of(
            "{kind: Policy, listKind: PolicyList, plural: policies, singular: policy, shortNames: [pol], categories: [all]}")));
    }

    [Test]
    public void Build_SchemaPlural_NamesTheCrdAndTheResource()
    {
        var crd = Build("""
            kind: PodInfo
            apiVersion: v1alpha1
            plural: podinfos
            """);

        Assert.That(crd["metadata"]!["name"]!.GetValue<string>(), Is.EqualTo("podinfos.kro.run"));
        Assert.That(crd["spec"]!["names"]!["plural"]!.GetValue<string>(), Is.EqualTo("podinfos"));
        Assert.That(crd["spec"]!["names"]!["singular"]!.GetValue<string>(), Is.EqualTo("podinfo"));
    }

    [Test]
    public void Build_SchemaMetadata_LabelsAndAnnotationsCopiedEngineLabelsWin()
    {
        var crd = Build("""
            kind: App
            apiVersion: v1
            metadata:
              labels: {team: payments, "kro.run/owned": "false"}
              annotations: {"kro.run/after-db-init": "x", note: hi}
            """);

        Assert.That(crd["metadata"]!["labels"]!["team"]!.GetValue<string>(), Is.EqualTo("payments"));
        Assert.That(crd["metadata"]!["labels"]!["kro.run/owned"]!.GetValue<string>(), Is.EqualTo("true"));
        Assert.That(JsonText.Canonical(crd["metadata"]!["annotations"]), Is.EqualTo(JsonText.Of("{\"kro.run/after-db-init\": x, note: hi}")));
    }

    [Test]
    public void Build_InferredStatus_KeptAndReservedFieldsOverwritten()
    {
        var inferred = new JsonObject
        {
            ["endpoint"] = new JsonObject { ["type"] = "string" },
            ["state"] = new JsonObject { ["type"] = "integer" },
        };

        var crd = InstanceCrdBuilder.Build(RgdSchemaReader.Read(YamlToJson.Parse("kind: App\napiVersion: v1")), "r", Uid, "1", inferred);

        var status = Root(crd)["properties"]!["status"]!["properties"]!;
        Assert.That(status.AsObject().Select(p => p.Key), Is.EquivalentTo(new[] { "endpoint", "state", "conditions" }));
        Assert.That(status["state"]!["type"]!.GetValue<string>(), Is.EqualTo("string"));
        Assert.That(inferred["state"]!["type"]!.GetValue<string>(), Is.EqualTo("integer"));
    }

    [Test]
    public void Build_SpecWithoutRequiredButWithDefaults_TopLevelDefault()
    {
        var crd = Build("kind: App\napiVersion: v1\nspec:\n  replicas: integer | default=2");

        Assert.That(JsonText.Canonical(Root(crd)["properties"]!["spec"]!["default"]), Is.EqualTo("{}"));
    }

    [Test]
    public void Build_InvalidSpec_ErrorNamesField()
    {
        var error = Assert.Throws<OciOperator.ResourceGraph.SimpleSchema.SimpleSchemaException>(() =>
            Build("kind: App\napiVersion: v1\nspec:\n  port: integer | default=http"));

        Assert.That(error!.Message, Is.EqualTo("spec.port: default value must be a valid integer, got: http"));
    }
}
