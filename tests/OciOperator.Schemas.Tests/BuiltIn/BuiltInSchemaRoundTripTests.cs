using System.Text.Json;
using k8s;
using OciOperator.Schemas.BuiltIn;

namespace OciOperator.Schemas.Tests.BuiltIn;

/// <summary>
/// The schemas agree with KubernetesClient's own serializer: a model object with every field set, written by
/// <see cref="KubernetesJson"/>, declares every field it writes, with the JSON type the schema gives it.
/// </summary>
public sealed class BuiltInSchemaRoundTripTests
{
    [TestCaseSource(typeof(BuiltInKindCases), nameof(BuiltInKindCases.RequiredCases))]
    public void Schema_FullyPopulatedObjectWrittenByTheClient_Conforms(string group, string version, string kind, string? plural, bool namespaced)
    {
        BuiltInSchemas.TryGetSchema(group, version, kind, out var schema);
        var model = ModelPopulator.Populate(schema!.ModelType);

        using var json = JsonDocument.Parse(KubernetesJson.Serialize(model));
        var violations = SchemaConformance.Violations(json.RootElement, schema.Schema).ToList();
        // Declared paths, less the cuts of a recursive type (the populator leaves those null too).
        var declared = SchemaElementPaths.Walk(schema.Schema)
            .Where(n => n.Path.Length > 0 && !IsRecursionCut(n.Node))
            .Select(n => n.Path)
            .ToHashSet();
        var written = JsonPaths(json.RootElement, "").ToHashSet();

        Assert.That(violations, Is.Empty, plural);
        Assert.That(declared.Except(written), Is.Empty, "the schema declares only fields the client writes");
        Assert.That(written, Has.Count.GreaterThan(5));
    }

    private static bool IsRecursionCut(JsonElement node) =>
        node.TryGetProperty("x-kubernetes-preserve-unknown-fields", out _) && node.TryGetProperty("type", out var type) && type.GetString() == "object";

    private static IEnumerable<string> JsonPaths(JsonElement value, string path)
    {
        if (path.Length > 0)
        {
            yield return path;
        }

        if (value.ValueKind == JsonValueKind.Array)
        {
            foreach (var inner in value.EnumerateArray().SelectMany(item => JsonPaths(item, path + "[]")))
            {
                yield return inner;
            }
        }
        else if (value.ValueKind == JsonValueKind.Object)
        {
            foreach (var field in value.EnumerateObject())
            {
                var next = field.Name == ModelPopulator.MapKey ? path + "{}" : path.Length == 0 ? field.Name : $"{path}.{field.Name}";
                foreach (var inner in JsonPaths(field.Value, next))
                {
                    yield return inner;
                }
            }
        }
    }

    [Test]
    public void Conformance_WrongTypes_AreReported()
    {
        BuiltInSchemas.TryGetSchema("apps", "v1", "Deployment", out var schema);
        using var json = JsonDocument.Parse("""
            {"apiVersion":"apps/v1","kind":"Deployment","metadata":{"name":"web","labels":{"a":1}},
             "spec":{"replicas":"many","selector":{"matchLabels":{"app":"web"}},"bogus":true,
                     "strategy":{"rollingUpdate":{"maxSurge":1.5}}}}
            """);

        var violations = SchemaConformance.Violations(json.RootElement, schema!.Schema).ToList();

        Assert.That(violations, Is.EquivalentTo(new[]
        {
            "metadata.labels{}: Number is not string",
            "spec.replicas: String is not integer",
            "spec.bogus: not declared",
            "spec.strategy.rollingUpdate.maxSurge: Number is not int-or-string",
        }));
    }
}
