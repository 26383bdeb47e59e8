using k8s.Models;
using OciOperator.Schemas.Crd;
using OciOperator.Schemas.Tests.Crd.Models;

namespace OciOperator.Schemas.Tests.Crd;

/// <summary>The reflection-based schema generator maps C# types to structural OpenAPI, independent of DbSystem.</summary>
public sealed class OpenApiSchemaGeneratorTests
{
    private static readonly V1JSONSchemaProps Shape = OpenApiSchemaGenerator.ForObject(typeof(SampleShape));

    [Test]
    public void ForObject_Properties_UseJsonNamesInOrdinalOrderAndSkipIgnored()
    {
        Assert.That(Shape.Properties.Keys, Is.EqualTo(new[]
        {
            "anyNode", "anything", "array", "big", "child", "code", "color", "counts", "digit", "items", "letters", "mail", "name",
            "open", "portName", "power", "ratio", "renamed", "target", "when",
        }));
        Assert.That(Shape.Required, Is.EqualTo(new[] { "name" }));
        Assert.That(Shape.Type, Is.EqualTo("object"));
        Assert.That(Shape.Description, Is.EqualTo("A sample shape."));
    }

    [TestCaseSource(nameof(Mappings))]
    public void ForObject_Property_MapsToSchema(string path, Func<V1JSONSchemaProps, object?> actual, object? expected)
    {
        var node = SchemaPaths.Find(Shape, path);

        Assert.That(node, Is.Not.Null, path);
        Assert.That(actual(node!), Is.EqualTo(expected));
    }

    [TestCaseSource(nameof(Invalid))]
    public void ForObject_InvalidType_ThrowsNamingTheProblem(Type type, string message)
    {
        var ex = Assert.Throws<CrdSchemaException>(() => OpenApiSchemaGenerator.ForObject(type));

        Assert.That(ex!.Message, Does.Contain(message));
    }

    [Test]
    public void Generate_ClusterScopedKindWithoutStatus_HasNoStatusSubresource()
    {
        var crd = CustomResourceDefinitionGenerator.Generate(typeof(SampleClusterThing));

        Assert.That(crd.Metadata.Name, Is.EqualTo("things.example.com"));
        Assert.That(crd.Spec.Scope, Is.EqualTo("Cluster"));
        Assert.That(crd.Spec.Names.ShortNames, Is.EqualTo(new[] { "th", "thg" }));
        Assert.That(crd.Spec.Names.Categories, Is.Null);
        Assert.That(crd.Spec.Versions[0].Subresources, Is.Null);
        Assert.That(crd.Spec.Versions[0].AdditionalPrinterColumns, Is.Null);
        Assert.That(crd.Spec.Versions[0].Schema.OpenAPIV3Schema.Properties.Keys, Is.EqualTo(new[] { "apiVersion", "kind", "metadata", "spec" }));
        Assert.That(crd.Spec.Versions[0].Schema.OpenAPIV3Schema.Required, Is.Null);
    }

    [Test]
    public void Generate_TypeWithoutKubernetesEntity_Throws()
    {
        var ex = Assert.Throws<CrdSchemaException>(() => CustomResourceDefinitionGenerator.Generate(typeof(UnannotatedThing)));

        Assert.That(ex!.Message, Does.Contain("UnannotatedThing has no [KubernetesEntity]"));
    }

    [Test]
    public void ForResource_NotAKubernetesObject_Throws()
    {
        var ex = Assert.Throws<CrdSchemaException>(() => OpenApiSchemaGenerator.ForResource(typeof(SampleItem)));

        Assert.That(ex!.Message, Does.Contain("does not implement IKubernetesObject"));
    }

    private static IEnumerable<TestCaseData> Mappings()
    {
        (string Path, string What, Func<V1JSONSchemaProps, object?> Actual, object? Expected)[] cases =
        [
            ("name", "type", n => n.Type, "string"),
            ("renamed", "type", n => n.Type, "string"),
            ("color", "enum", n => n.EnumProperty, new object[] { "red-ish", "Blue" }),
            ("color", "type", n => n.Type, "string"),
            ("big", "format", n => n.Format, "int64"),
            ("digit", "format", n => n.Format, "int32"),
            ("ratio", "type", n => n.Type, "number"),
            ("when", "format", n => n.Format, "date-time"),
            ("counts", "type", n => n.Type, "object"),
            ("counts", "additionalProperties", n => (n.AdditionalProperties as V1JSONSchemaProps)?.Type, "integer"),
            ("items", "type", n => n.Type, "array"),
            ("items[]", "required", n => n.Required, new[] { "size" }),
            ("items[]", "description", n => n.Description, "An item."),
            ("items[].flag", "type", n => n.Type, "boolean"),
            ("array[]", "type", n => n.Type, "string"),
            ("anything", "preserve", n => (n.XKubernetesPreserveUnknownFields, n.Type), (true, (string?)null)),
            ("anyNode", "preserve", n => (n.XKubernetesPreserveUnknownFields, n.Type), (true, (string?)null)),
            ("open", "preserve", n => (n.XKubernetesPreserveUnknownFields, n.Type), (true, "object")),
            ("target", "int-or-string", n => (n.XKubernetesIntOrString, n.Type, n.AnyOf.Count), (true, (string?)null, 2)),
            ("portName", "int-or-string", n => (n.XKubernetesIntOrString, n.Type), (true, (string?)null)),
            ("code", "length", n => (n.MinLength, n.MaxLength), (2L, 10L)),
            ("code", "pattern", n => n.Pattern, "^[a-z]+$"),
            ("letters", "items", n => (n.MinItems, n.MaxItems, n.MinLength), (1L, 3L, (long?)null)),
            ("letters[]", "enum", n => n.EnumProperty, new object[] { "a", "b" }),
            ("digit", "range", n => (n.Minimum, n.Maximum), (1d, 9d)),
            ("power", "integer enum", n => n.EnumProperty, new object[] { 1, 2, 4 }),
            ("mail", "format", n => n.Format, "email"),
            ("child", "description", n => n.Description, "An item."),
        ];
        return cases.Select(c => new TestCaseData(c.Path, c.Actual, c.Expected).SetArgDisplayNames(c.Path, c.What));
    }

    private static IEnumerable<TestCaseData> Invalid()
    {
        yield return new TestCaseData(typeof(NonNullableOptional), "NonNullableOptional.Port: an optional property must be nullable")
            .SetArgDisplayNames("non-nullable optional");
        yield return new TestCaseData(typeof(RecursiveNode), "RecursiveNode refers to itself").SetArgDisplayNames("recursive");
        yield return new TestCaseData(typeof(IntKeyedMap), "IntKeyedMap.Values: the dictionary").SetArgDisplayNames("int-keyed map");
    }
}
