using System.Text.Json;
using OciOperator.Schemas.BuiltIn;

namespace OciOperator.Schemas.Tests.BuiltIn;

/// <summary>Every known kind's schema is structural, as the API server demands of CRD schemas and our validators assume.</summary>
public sealed class BuiltInSchemaStructureTests
{
    private static readonly string[] Markers = ["x-kubernetes-int-or-string", "x-kubernetes-preserve-unknown-fields"];

    public static IEnumerable<TestCaseData> AllKinds() =>
        BuiltInSchemas.Kinds.Select(k => new TestCaseData(k.Group, k.Version, k.Kind).SetArgDisplayNames(k.ToString()));

    [TestCaseSource(nameof(AllKinds))]
    public void Schema_EveryNode_HasATypeOrIsIntOrStringOrFreeForm(string group, string version, string kind)
    {
        BuiltInSchemas.TryGetSchema(group, version, kind, out var schema);

        var untyped = SchemaElementPaths.Walk(schema!.Schema)
            .Where(n => !n.Node.TryGetProperty("type", out _) && !Markers.Any(m => n.Node.TryGetProperty(m, out var v) && v.GetBoolean()))
            .Select(n => n.Path)
            .ToList();
        var mixed = SchemaElementPaths.Walk(schema.Schema)
            .Where(n => n.Node.TryGetProperty("properties", out _) && n.Node.TryGetProperty("additionalProperties", out _))
            .Select(n => n.Path)
            .ToList();

        Assert.That(untyped, Is.Empty, "every node needs a type unless it is int-or-string or preserves unknown fields");
        Assert.That(mixed, Is.Empty, "properties and additionalProperties cannot be combined");
    }

    [TestCaseSource(nameof(AllKinds))]
    public void Schema_TopLevel_HasApiVersionKindAndMetadata(string group, string version, string kind)
    {
        BuiltInSchemas.TryGetSchema(group, version, kind, out var schema);
        var properties = schema!.Schema.GetProperty("properties");

        foreach (var name in new[] { "apiVersion", "kind", "metadata" })
        {
            Assert.That(properties.TryGetProperty(name, out var field), Is.True, name);
            // Served kinds describe them; the discovery documents (no plural) have none upstream either.
            Assert.That(
                schema.Kind.Plural is null || (field.TryGetProperty("description", out var description) && description.GetString()!.Length > 0),
                Is.True,
                $"{name} has a description");
        }

        Assert.That(properties.GetProperty("metadata").GetProperty("properties").TryGetProperty("name", out _), Is.True);
    }

    [TestCaseSource(typeof(BuiltInKindCases), nameof(BuiltInKindCases.RequiredCases))]
    public void Schema_ListedKind_DescribesAlmostEveryField(string group, string version, string kind, string? plural, bool namespaced)
    {
        BuiltInSchemas.TryGetSchema(group, version, kind, out var schema);

        // Map values and list items have no description of their own (the OpenAPI has none either); every property has,
        // except the fields of a CRD's JSONSchemaProps, which are undocumented upstream.
        var properties = SchemaElementPaths.Walk(schema!.Schema)
            .Where(n => n.Path.Length > 0 && !n.Path.EndsWith("[]", StringComparison.Ordinal) && !n.Path.EndsWith("{}", StringComparison.Ordinal))
            .Where(n => !n.Path.Contains("openAPIV3Schema.", StringComparison.Ordinal))
            .ToList();
        var undescribed = properties.Where(n => !n.Node.TryGetProperty("description", out _)).Select(n => n.Path).ToList();

        Assert.That(properties, Is.Not.Empty, plural);
        Assert.That(undescribed, Is.Empty);
    }
}
