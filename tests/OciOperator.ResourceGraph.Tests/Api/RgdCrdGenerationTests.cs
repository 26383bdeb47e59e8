using k8s.Models;

namespace OciOperator.ResourceGraph.Tests.Api;

/// <summary>The RGD CRD generated from the typed API has kro's names, columns, free-form fields and admission rules (kro.md §1, A.4 §A).</summary>
public sealed class RgdCrdGenerationTests
{
    private static V1CustomResourceDefinition Crd => CommittedRgdCrdTests.Crd;

    private static V1JSONSchemaProps Spec => Crd.Spec.Versions.Single().Schema.OpenAPIV3Schema.Properties["spec"];

    [Test]
    public void Generate_Rgd_HasKroNamesScopeAndVersion()
    {
        Assert.That(Crd.Metadata.Name, Is.EqualTo("resourcegraphdefinitions.kro.run"));
        Assert.That(Crd.Spec.Group, Is.EqualTo("kro.run"));
        Assert.That(Crd.Spec.Scope, Is.EqualTo("Cluster"));
        Assert.That(Crd.Spec.Names.Kind, Is.EqualTo("ResourceGraphDefinition"));
        Assert.That(Crd.Spec.Names.ListKind, Is.EqualTo("ResourceGraphDefinitionList"));
        Assert.That(Crd.Spec.Names.ShortNames, Is.EqualTo(new[] { "rgd" }));
        Assert.That(Crd.Spec.Names.Categories, Is.EqualTo(new[] { "kro" }));
        Assert.That(Crd.Spec.Versions.Single().Name, Is.EqualTo("v1alpha1"));
        Assert.That(Crd.Spec.Versions.Single().Subresources?.Status, Is.Not.Null);
    }

    [Test]
    public void Generate_Rgd_HasKroPrinterColumnsWithTopologicalOrderWide()
    {
        var columns = Crd.Spec.Versions.Single().AdditionalPrinterColumns;

        Assert.That(columns.Select(c => (c.Name, c.JsonPath, c.Priority ?? 0)), Is.EqualTo(new[]
        {
            ("APIVERSION", ".spec.schema.apiVersion", 0),
            ("KIND", ".spec.schema.kind", 0),
            ("STATE", ".status.state", 0),
            ("READY", ".status.conditions[?(@.type==\"Ready\")].status", 0),
            ("TOPOLOGICALORDER", ".status.topologicalOrder", 1),
            ("AGE", ".metadata.creationTimestamp", 0),
        }));
    }

    [TestCase("schema.spec")]
    [TestCase("schema.status")]
    [TestCase("schema.types")]
    [TestCase("resources[].template")]
    public void Generate_FreeFormField_PreservesUnknownFields(string path)
    {
        Assert.That(Find(path).XKubernetesPreserveUnknownFields, Is.True);
    }

    [TestCase("schema.kind", "self == oldSelf", "kind is immutable")]
    [TestCase("schema.apiVersion", "self == oldSelf", "apiVersion is immutable")]
    [TestCase("schema.group", "self == oldSelf", "group is immutable")]
    [TestCase("schema.scope", "self == oldSelf", "scope is immutable")]
    [TestCase("resources[]", "has(self.template) != has(self.externalRef)", "exactly one of template or externalRef must be provided")]
    [TestCase("resources[].externalRef.metadata", "has(self.name) != has(self.selector)", "exactly one of name or selector must be provided")]
    public void Generate_AdmissionRule_IsOnItsNode(string path, string rule, string message)
    {
        Assert.That(Find(path).XKubernetesValidations.Select(r => (r.Rule, r.Message)), Does.Contain((rule, message)));
    }

    [TestCase("schema.kind", "^[A-Z][a-zA-Z0-9]{0,62}$")]
    [TestCase("schema.apiVersion", "^v[0-9]+(alpha[0-9]+|beta[0-9]+)?$")]
    [TestCase("schema.shortNames[]", "^[a-z]([-a-z0-9]*[a-z0-9])?$")]
    public void Generate_Pattern_IsKros(string path, string pattern)
    {
        Assert.That(Find(path).Pattern, Is.EqualTo(pattern));
    }

    [Test]
    public void Generate_ForEachItem_HasExactlyOneIterator()
    {
        var item = (V1JSONSchemaProps)Find("resources[].forEach").Items;

        Assert.That((item.MinProperties, item.MaxProperties), Is.EqualTo(((long?)1, (long?)1)));
    }

    [Test]
    public void Generate_Required_AreKros()
    {
        Assert.That(Find("schema").Required, Is.EqualTo(new[] { "apiVersion", "kind" }));
        Assert.That(Find("resources[]").Required, Is.EqualTo(new[] { "id" }));
        Assert.That(Find("resources[].externalRef").Required, Is.EqualTo(new[] { "apiVersion", "kind", "metadata" }));
        Assert.That(Find("schema.scope").EnumProperty, Is.EqualTo(new object[] { "Namespaced", "Cluster" }));
    }

    [Test]
    public void Generate_Status_HasStateConditionsOrderAndDependencies()
    {
        var status = Crd.Spec.Versions.Single().Schema.OpenAPIV3Schema.Properties["status"];

        Assert.That(status.Properties["state"].EnumProperty, Is.EqualTo(new object[] { "Active", "Inactive" }));
        Assert.That(status.Properties["topologicalOrder"].Items, Is.Not.Null);
        Assert.That(status.Properties["conditions"].Items is V1JSONSchemaProps c ? c.Required : null, Is.EqualTo(new[] { "status", "type" }));
        var dependency = ((V1JSONSchemaProps)((V1JSONSchemaProps)status.Properties["resources"].Items).Properties["dependencies"].Items);
        Assert.That(dependency.Required, Is.EqualTo(new[] { "id" }));
    }

    private static V1JSONSchemaProps Find(string path)
    {
        var node = Spec;
        foreach (var part in path.Split('.'))
        {
            var name = part.TrimEnd('[', ']');
            node = node.Properties[name];
            if (part.EndsWith("[]", StringComparison.Ordinal))
            {
                node = (V1JSONSchemaProps)node.Items;
            }
        }

        return node;
    }
}
