using System.Text.Json;
using System.Text.Json.Nodes;
using OciOperator.Sandbox.Kube.Serialization;
using OciOperator.Schemas.BuiltIn;

namespace OciOperator.Schemas.Tests.BuiltIn;

/// <summary>
/// The seed walkthrough's RGD (<c>fixtures/seed/osok_kro_demo_rgd.yaml</c>) against the built-in schemas, as the graph
/// engine will check it: every built-in template declares only known fields with the right types (a <c>${...}</c>
/// expression stands for a value of any type), and every status field its <c>readyWhen</c> reads exists with the type
/// the expression needs.
/// </summary>
public sealed class SeedRgdTemplateTests
{
    private static readonly JsonObject Rgd = YamlToJson.Parse(File.ReadAllText(RepositoryPaths.SeedFixture("osok_kro_demo_rgd.yaml")))!.AsObject();

    public static IEnumerable<TestCaseData> BuiltInTemplates() =>
        Resources()
            .Where(r => r["template"] is JsonObject)
            .Select(r => new TestCaseData(r["id"]!.GetValue<string>()).SetArgDisplayNames(r["id"]!.GetValue<string>()));

    [TestCaseSource(nameof(BuiltInTemplates))]
    public void Template_OfABuiltInKind_ConformsToItsSchema(string id)
    {
        var template = Resources().Single(r => r["id"]!.GetValue<string>() == id)["template"]!.AsObject();
        var apiVersion = template["apiVersion"]!.GetValue<string>();
        var kind = template["kind"]!.GetValue<string>();
        if (!BuiltInSchemas.TryGetSchema(apiVersion, kind, out var schema))
        {
            Assert.That(apiVersion, Is.EqualTo("mysql.oracle.com/v1beta1"), "only the DbSystem is not built in");
            return;
        }

        using var json = JsonDocument.Parse(template.ToJsonString());
        var violations = SchemaConformance.Violations(json.RootElement, schema.Schema)
            .Where(v => !IsExpression(json.RootElement, v))
            .ToList();

        Assert.That(violations, Is.Empty);
    }

    [TestCase("batch/v1", "Job", "status.succeeded", "integer")]
    [TestCase("apps/v1", "Deployment", "status.availableReplicas", "integer")]
    [TestCase("v1", "Service", "status.loadBalancer.ingress", "array")]
    [TestCase("v1", "Service", "status.loadBalancer.ingress[].ip", "string")]
    [TestCase("v1", "Secret", "stringData{}", "string")]
    public void ReadyWhenAndStatusPaths_OfTheSeed_HaveTheirTypes(string apiVersion, string kind, string path, string type)
    {
        Assert.That(BuiltInSchemas.TryGetSchema(apiVersion, kind, out var schema), Is.True);
        var node = SchemaElementPaths.Find(schema!.Schema, path);

        Assert.That(node, Is.Not.Null, path);
        Assert.That(node!.Value.GetProperty("type").GetString(), Is.EqualTo(type));
    }

    [Test]
    public void Conformance_TemplateWithATypeError_IsReported()
    {
        BuiltInSchemas.TryGetSchema("apps/v1", "Deployment", out var schema);
        var template = JsonNode.Parse(Resources().Single(r => r["id"]!.GetValue<string>() == "wordpressDeployment")["template"]!.ToJsonString())!;
        template["spec"]!["replicas"] = "one";

        using var json = JsonDocument.Parse(template.ToJsonString());

        Assert.That(SchemaConformance.Violations(json.RootElement, schema!.Schema), Is.EqualTo(new[] { "spec.replicas: String is not integer" }));
    }

    private static IEnumerable<JsonObject> Resources() => Rgd["spec"]!["resources"]!.AsArray().Select(r => r!.AsObject());

    /// <summary>A type violation whose value is a <c>${...}</c> string: the expression's type is checked elsewhere.</summary>
    private static bool IsExpression(JsonElement root, string violation)
    {
        var path = violation[..violation.IndexOf(':', StringComparison.Ordinal)];
        var node = root;
        foreach (var segment in path.Split('.'))
        {
            if (segment.EndsWith("{}", StringComparison.Ordinal) || segment.EndsWith("[]", StringComparison.Ordinal) || !node.TryGetProperty(segment, out node))
            {
                return false;
            }
        }

        return node.ValueKind == JsonValueKind.String && node.GetString()!.Contains("${", StringComparison.Ordinal);
    }
}
