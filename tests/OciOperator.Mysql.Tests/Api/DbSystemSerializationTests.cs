using System.Reflection;
using System.Text.Json;
using System.Text.Json.Nodes;
using k8s;
using OciOperator.Mysql.Api;
using OciOperator.Mysql.Tests.Support;
using OciOperator.Schemas.Crd;
using OciOperator.Schemas.Tests.Crd;
using YamlDotNet.Serialization.NamingConventions;

namespace OciOperator.Mysql.Tests.Api;

/// <summary>The typed model reads OSOK's sample and writes the same JSON back, with unset fields omitted.</summary>
public sealed class DbSystemSerializationTests
{
    private static string SampleYaml => File.ReadAllText(RepositoryPaths.SeedFixture("dbsystem_sample.yaml"));

    [Test]
    public void Deserialize_OsokSample_ReadsEveryField()
    {
        var db = KubernetesYaml.Deserialize<DbSystem>(SampleYaml, strict: true);

        Assert.That(db.ApiVersion, Is.EqualTo("mysql.oracle.com/v1beta1"));
        Assert.That(db.Kind, Is.EqualTo("DbSystem"));
        Assert.That(db.Metadata.Name, Is.EqualTo("mysql-dbsystem-sample"));
        Assert.That(db.Spec.CompartmentId, Is.EqualTo("ocid1.compartment.oc1..exampleuniqueID"));
        Assert.That(db.Spec.DisplayName, Is.EqualTo("mysql-dbsystem-sample"));
        Assert.That(db.Spec.ShapeName, Is.EqualTo("MySQL.2"));
        Assert.That(db.Spec.SubnetId, Is.EqualTo("ocid1.subnet.oc1..exampleuniqueID"));
        Assert.That(db.Spec.AvailabilityDomain, Is.EqualTo("qqZb:US-ASHBURN-AD-1"));
        Assert.That(db.Spec.IsHighlyAvailable, Is.False);
        Assert.That(db.Spec.AdminUsername?.Secret?.SecretName, Is.EqualTo("admin-secret"));
        Assert.That(db.Spec.AdminPassword?.Secret?.SecretName, Is.EqualTo("admin-secret"));
        Assert.That(db.Spec.Description, Is.EqualTo("OSOK mysql DbSystem e2e sample"));
        Assert.That(db.Spec.DataStorageSizeInGBs, Is.EqualTo(50));
        Assert.That(db.Spec.Id, Is.Null);
        Assert.That(db.Spec.BackupPolicy, Is.Null);
        Assert.That(db.Status, Is.Null);
    }

    [Test]
    public void Serialize_OsokSample_WritesTheSampleBackWithNothingAdded()
    {
        var db = KubernetesYaml.Deserialize<DbSystem>(SampleYaml, strict: true);
        var expected = JsonSerializer.SerializeToNode(KubernetesYaml.Deserialize<Dictionary<string, object>>(SampleYaml));

        var json = JsonNode.Parse(KubernetesJson.Serialize(db));

        Assert.That(JsonNode.DeepEquals(json, expected), Is.True, $"expected {expected?.ToJsonString()}\nactual   {json?.ToJsonString()}");
    }

    [Test]
    public void Serialize_OnlyRequiredFields_OmitsEveryUnsetField()
    {
        var db = new DbSystem { Spec = new DbSystemSpec { CompartmentId = "c", ShapeName = "s", SubnetId = "n" } };

        var json = JsonNode.Parse(KubernetesJson.Serialize(db))!.AsObject();

        Assert.That(json.Select(p => p.Key), Is.EquivalentTo(new[] { "apiVersion", "kind", "metadata", "spec" }));
        Assert.That(json["spec"]!.AsObject().Select(p => p.Key), Is.EquivalentTo(new[] { "compartmentId", "shapeName", "subnetId" }));
    }

    [Test]
    public void JsonRoundTrip_FullyPopulated_KeepsEveryField()
    {
        var json = KubernetesJson.Serialize(DbSystemSamples.Full());

        var again = KubernetesJson.Serialize(KubernetesJson.Deserialize<DbSystem>(json));

        Assert.That(again, Is.EqualTo(json));
        Assert.That(json, Does.Contain("\"lifecycleState\":\"ACTIVE\"").And.Contain("\"portX\":33060").And.Contain("\"status\":{\"conditions\""));
    }

    [Test]
    public void JsonRoundTrip_FullyPopulated_WritesEverySchemaField()
    {
        var json = JsonNode.Parse(KubernetesJson.Serialize(DbSystemSamples.Full()))!;
        var root = CustomResourceDefinitionGenerator.Generate(typeof(DbSystem)).Spec.Versions[0].Schema.OpenAPIV3Schema;

        var missing = SchemaLeafPaths(root).Where(path => !Exists(json, path)).ToList();

        Assert.That(missing, Is.Empty, "the sample leaves these schema fields unset (so a field may not round-trip)");
    }

    [Test]
    public void YamlRoundTrip_FullySpecified_KeepsEverySpecField()
    {
        var db = new DbSystem { Metadata = new() { Name = "db" }, Spec = DbSystemSamples.FullSpec() };

        var read = KubernetesYaml.Deserialize<DbSystem>(KubernetesYaml.Serialize(db), strict: true);

        Assert.That(KubernetesJson.Serialize(read), Is.EqualTo(KubernetesJson.Serialize(db)));
    }

    [TestCaseSource(nameof(ApiProperties))]
    public void YamlName_EveryApiProperty_EqualsItsJsonName(PropertyInfo property)
    {
        var yamlName = CamelCaseNamingConvention.Instance.Apply(property.Name);

        Assert.That(yamlName, Is.EqualTo(OpenApiSchemaGenerator.JsonName(property)), "KubernetesYaml names our properties by camelCase, not by [JsonPropertyName]");
    }

    private static IEnumerable<TestCaseData> ApiProperties() =>
        typeof(DbSystem).Assembly.GetTypes()
            .Where(t => t.Namespace == typeof(DbSystem).Namespace && t.IsClass && !t.IsAbstract)
            .SelectMany(OpenApiSchemaGenerator.SerializedProperties)
            .Select(p => new TestCaseData(p).SetArgDisplayNames($"{p.DeclaringType!.Name}.{p.Name}"));

    private static IEnumerable<string> SchemaLeafPaths(k8s.Models.V1JSONSchemaProps root) =>
        SchemaPaths.Walk(root)
            .Where(n => n.Path.Length > 0 && !n.Path.Contains('{', StringComparison.Ordinal) && n.Node.Properties is null && n.Node.Type != "array")
            .Where(n => !n.Path.StartsWith("metadata", StringComparison.Ordinal))
            .Select(n => n.Path);

    private static bool Exists(JsonNode root, string path)
    {
        JsonNode? node = root;
        foreach (var segment in path.Split('.'))
        {
            var name = segment.TrimEnd('[', ']');
            node = node?[name];
            if (segment.EndsWith("[]", StringComparison.Ordinal))
            {
                node = node is JsonArray { Count: > 0 } array ? array[0] : null;
            }
        }

        return node is not null;
    }
}
