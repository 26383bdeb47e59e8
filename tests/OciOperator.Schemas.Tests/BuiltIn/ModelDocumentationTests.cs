using System.Text;
using k8s.Models;
using OciOperator.Schemas.BuiltIn;

namespace OciOperator.Schemas.Tests.BuiltIn;

/// <summary>The descriptions come from the XML documentation KubernetesClient ships, embedded at build time.</summary>
public sealed class ModelDocumentationTests
{
    private static readonly ModelDocumentation Embedded = ModelDocumentation.LoadEmbedded();

    [Test]
    public void LoadEmbedded_HoldsTheModelMembersOfKubernetesClientXml()
    {
        Assert.That(Embedded.Count, Is.GreaterThan(4000));
        Assert.That(Embedded.Of(typeof(V1DeploymentSpec)), Is.EqualTo("DeploymentSpec is the specification of the desired behavior of the Deployment."));
        Assert.That(Embedded.Of(typeof(V1DeploymentSpec).GetProperty(nameof(V1DeploymentSpec.Paused))!), Is.EqualTo("Indicates that the deployment is paused."));
    }

    [Test]
    public void Of_MemberWithoutSummary_IsNull()
    {
        Assert.That(Embedded.Of(typeof(ModelDocumentationTests)), Is.Null);
        Assert.That(Embedded.Of(typeof(string).GetProperty(nameof(string.Length))!), Is.Null);
    }

    [Test]
    public void Load_DocumentationFile_ReadsSummariesByMemberNameAndDecodesEntities()
    {
        const string Xml = """
            <?xml version="1.0"?>
            <doc>
                <assembly><name>KubernetesClient</name></assembly>
                <members>
                    <member name="T:k8s.Models.V1DeploymentSpec">
                        <summary>
                        First line that the generator
                        wrapped, with &apos;quotes&apos; &amp; more.
                        </summary>
                    </member>
                    <member name="P:k8s.Models.V1DeploymentSpec.Paused">
                        <summary>
                        </summary>
                    </member>
                </members>
            </doc>
            """;

        var docs = ModelDocumentation.Load(new MemoryStream(Encoding.UTF8.GetBytes(Xml)));

        Assert.That(docs.Count, Is.EqualTo(2));
        Assert.That(docs.Of(typeof(V1DeploymentSpec)), Is.EqualTo("First line that the generator wrapped, with 'quotes' & more."));
        Assert.That(docs.Of(typeof(V1DeploymentSpec).GetProperty(nameof(V1DeploymentSpec.Paused))!), Is.Null, "an empty summary is no description");
    }

    [TestCase("\n    one\n    two\n    ", "one two")]
    [TestCase("\n    one\n    \n    two\n    three\n    ", "one\n\ntwo three")]
    [TestCase("\n    one\n    \n    \n    two\n", "one\n\ntwo")]
    [TestCase("\n   \n   one   \n", "one")]
    [TestCase("   \n   ", "")]
    public void Normalize_WrappedSummary_JoinsLinesAndKeepsParagraphs(string raw, string expected)
    {
        Assert.That(ModelDocumentation.Normalize(raw), Is.EqualTo(expected));
    }
}
