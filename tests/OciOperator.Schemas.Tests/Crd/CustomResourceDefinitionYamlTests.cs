using k8s;
using k8s.Models;
using OciOperator.Schemas.Crd;
using OciOperator.Schemas.Tests.Crd.Models;

namespace OciOperator.Schemas.Tests.Crd;

/// <summary>A generated CRD renders as the file controller-gen would commit: named by group and plural, one document.</summary>
public sealed class CustomResourceDefinitionYamlTests
{
    private static readonly V1CustomResourceDefinition Crd = CustomResourceDefinitionGenerator.Generate(typeof(SampleClusterThing));

    [Test]
    public void FileName_GeneratedCrd_IsGroupUnderscorePlural()
    {
        Assert.That(CustomResourceDefinitionYaml.FileName(Crd), Is.EqualTo("example.com_things.yaml"));
    }

    [Test]
    public void Render_DefaultHeader_StartsWithHeaderThenOneDocumentWithLfEnds()
    {
        var text = CustomResourceDefinitionYaml.Render(Crd);

        Assert.That(text, Does.StartWith(CustomResourceDefinitionYaml.DefaultHeader + "\n---\napiVersion: apiextensions.k8s.io/v1\n"));
        Assert.That(text, Does.Not.Contain("\r"));
        Assert.That(text, Does.EndWith("\n").And.Not.EndWith("\n\n"));
    }

    [Test]
    public void Render_ThenParse_RoundTripsTheCrd()
    {
        var text = CustomResourceDefinitionYaml.Render(Crd, "# custom header");

        var parsed = KubernetesYaml.Deserialize<V1CustomResourceDefinition>(text, strict: true);

        Assert.That(text, Does.StartWith("# custom header\n---\n"));
        Assert.That(parsed.Metadata.Name, Is.EqualTo("things.example.com"));
        Assert.That(parsed.Spec.Scope, Is.EqualTo("Cluster"));
        Assert.That(parsed.Spec.Versions.Single().Schema.OpenAPIV3Schema.Properties.Keys, Is.EquivalentTo(new[] { "apiVersion", "kind", "metadata", "spec" }));
    }

    [TestCase("no comment")]
    [TestCase("# two\n# lines")]
    public void Render_HeaderNotOneCommentLine_Throws(string header)
    {
        Assert.Throws<ArgumentException>(() => CustomResourceDefinitionYaml.Render(Crd, header));
    }
}
