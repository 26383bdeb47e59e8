using k8s.Models;
using OciOperator.Mysql.Api;
using OciOperator.Schemas.Crd;
using OciOperator.Schemas.Tests.Crd;

namespace OciOperator.Mysql.Tests.Crd;

/// <summary>The DbSystem CRD generated from the API types has OSOK's names, columns and every field of osok.md §1.1/§1.2.</summary>
public sealed class DbSystemCrdTests
{
    private static readonly V1CustomResourceDefinition Crd = CustomResourceDefinitionGenerator.Generate(typeof(DbSystem));

    private static V1JSONSchemaProps Root => Crd.Spec.Versions.Single().Schema.OpenAPIV3Schema;

    [Test]
    public void Generate_DbSystem_HasOsokNamesScopeAndVersion()
    {
        var spec = Crd.Spec;

        Assert.That(Crd.Metadata.Name, Is.EqualTo("dbsystems.mysql.oracle.com"));
        Assert.That(spec.Group, Is.EqualTo("mysql.oracle.com"));
        Assert.That(spec.Scope, Is.EqualTo("Namespaced"));
        Assert.That(spec.Names.Kind, Is.EqualTo("DbSystem"));
        Assert.That(spec.Names.ListKind, Is.EqualTo("DbSystemList"));
        Assert.That(spec.Names.Plural, Is.EqualTo("dbsystems"));
        Assert.That(spec.Names.Singular, Is.EqualTo("dbsystem"));
        Assert.That(spec.Names.Categories, Is.EqualTo(new[] { "oci" }));
        Assert.That(spec.Names.ShortNames, Is.Null);
        Assert.That(spec.Versions, Has.Count.EqualTo(1));
        Assert.That(spec.Versions[0].Name, Is.EqualTo("v1beta1"));
        Assert.That(spec.Versions[0].Served, Is.True);
        Assert.That(spec.Versions[0].Storage, Is.True);
        Assert.That(spec.Versions[0].Subresources?.Status, Is.Not.Null);
        Assert.That(spec.Versions[0].Subresources?.Scale, Is.Null);
    }

    [Test]
    public void Generate_DbSystem_HasThePrinterColumnsInOrder()
    {
        var columns = Crd.Spec.Versions[0].AdditionalPrinterColumns
            .Select(c => (c.Name, c.Type, c.JsonPath, Priority: c.Priority ?? 0))
            .ToList();

        Assert.That(columns, Is.EqualTo(new[]
        {
            ("DisplayName", "string", ".spec.displayName", 1),
            ("Status", "string", ".status.status.conditions[-1].type", 0),
            ("LifecycleState", "string", ".status.lifecycleState", 0),
            ("Ocid", "string", ".status.status.ocid", 1),
            ("Age", "date", ".metadata.creationTimestamp", 0),
        }));
    }

    [TestCaseSource(typeof(DbSystemSchemaCases), nameof(DbSystemSchemaCases.SpecFields))]
    [TestCaseSource(typeof(DbSystemSchemaCases), nameof(DbSystemSchemaCases.StatusFields))]
    public void Generate_DbSystem_FieldHasType(string path, string type)
    {
        var node = SchemaPaths.Find(Root, path);

        Assert.That(node, Is.Not.Null, $"{path} is not in the schema");
        Assert.That(node!.Type, Is.EqualTo(type), path);
    }

    [TestCaseSource(typeof(DbSystemSchemaCases), nameof(DbSystemSchemaCases.RequiredLists))]
    public void Generate_DbSystem_ObjectHasRequiredList(string path, string[] required)
    {
        var node = path.Length == 0 ? Root : SchemaPaths.Find(Root, path);

        Assert.That(node, Is.Not.Null, $"{path} is not in the schema");
        Assert.That(node!.Required ?? [], Is.EquivalentTo(required), path);
    }

    [Test]
    public void Generate_DbSystem_SpecHasExactlyOsokTopLevelFieldsPlusId()
    {
        var expected = DbSystemSchemaCases.OsokSpecTopLevel.Append("id");

        Assert.That(Root.Properties["spec"].Properties.Keys, Is.EquivalentTo(expected));
    }

    [TestCaseSource(typeof(DbSystemSchemaCases), nameof(DbSystemSchemaCases.Markers))]
    public void Generate_DbSystem_FieldHasValidationMarker(string path, Func<V1JSONSchemaProps, object?> marker, object expected)
    {
        var node = SchemaPaths.Find(Root, path);

        Assert.That(node, Is.Not.Null, $"{path} is not in the schema");
        Assert.That(marker(node!), Is.EqualTo(expected), path);
    }

    [Test]
    public void Generate_DbSystem_SchemaIsStructural()
    {
        var untyped = SchemaPaths.Walk(Root)
            .Where(n => string.IsNullOrEmpty(n.Node.Type) && n.Node.XKubernetesPreserveUnknownFields != true && n.Node.XKubernetesIntOrString != true)
            .Select(n => n.Path)
            .ToList();
        var mixed = SchemaPaths.Walk(Root)
            .Where(n => n.Node.Properties is not null && n.Node.AdditionalProperties is not null)
            .Select(n => n.Path)
            .ToList();

        Assert.That(untyped, Is.Empty, "every node needs a type unless it preserves unknown fields or is int-or-string");
        Assert.That(mixed, Is.Empty, "properties and additionalProperties cannot be combined");
    }

    [Test]
    public void Generate_DbSystem_FreeFormFieldsPreserveUnknownFields()
    {
        var freeForm = SchemaPaths.Walk(Root)
            .Where(n => n.Node.XKubernetesPreserveUnknownFields == true)
            .Select(n => n.Path)
            .ToList();

        Assert.That(freeForm, Is.EquivalentTo(new[]
        {
            "status.channels[].source",
            "status.channels[].target",
            "status.systemTags{}{}",
        }));
    }
}
