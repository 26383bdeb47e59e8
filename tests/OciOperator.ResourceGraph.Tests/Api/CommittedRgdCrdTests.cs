using k8s;
using k8s.Models;
using OciOperator.ResourceGraph.Api.RgdCrdTypes;
using OciOperator.Schemas.Crd;
using OciOperator.Testing;

namespace OciOperator.ResourceGraph.Tests.Api;

/// <summary>
/// The committed <c>config/crd/bases/kro.run_resourcegraphdefinitions.yaml</c> is exactly what the code generates from
/// <see cref="ResourceGraphDefinitionResource"/>. With <c>OCI_OPERATOR_UPDATE_CRDS=1</c> the fixture first rewrites it.
/// </summary>
public sealed class CommittedRgdCrdTests
{
    private const string UpdateVariable = "OCI_OPERATOR_UPDATE_CRDS";

    private const string RegenerateHint =
        "Regenerate with: " + UpdateVariable + "=1 dotnet test tests/OciOperator.ResourceGraph.Tests --filter \"FullyQualifiedName~CommittedRgdCrdTests\" "
        + "(and the kustomization with the same variable on tests/OciOperator.Mysql.Tests --filter \"FullyQualifiedName~CommittedCrdTests\"), "
        + "then `kubectl kustomize config/default` into deploy/oci-operator.yaml";

    internal static V1CustomResourceDefinition Crd { get; } = CustomResourceDefinitionGenerator.Generate(typeof(ResourceGraphDefinitionResource));

    internal static string CrdPath => Path.Combine(RepositoryPaths.CrdDirectory, "bases", CustomResourceDefinitionYaml.FileName(Crd));

    private static string Text => CustomResourceDefinitionYaml.Render(Crd);

    [OneTimeSetUp]
    public void RegenerateWhenAsked()
    {
        if (Environment.GetEnvironmentVariable(UpdateVariable) == "1")
        {
            File.WriteAllText(CrdPath, Text);
        }
    }

    [Test]
    public void CommittedRgdCrd_MatchesGeneratedFromCode()
    {
        Assert.That(Path.GetFileName(CrdPath), Is.EqualTo("kro.run_resourcegraphdefinitions.yaml"));
        Assert.That(File.Exists(CrdPath), Is.True, $"{CrdPath} is missing. {RegenerateHint}");
        Assert.That(File.ReadAllText(CrdPath), Is.EqualTo(Text), $"{CrdPath} differs from the CRD generated from the API types. {RegenerateHint}");
    }

    [Test]
    public void CommittedKustomization_ListsTheRgdCrd()
    {
        var kustomization = File.ReadAllText(Path.Combine(RepositoryPaths.CrdDirectory, "kustomization.yaml"));

        Assert.That(kustomization, Does.Contain("  - bases/kro.run_resourcegraphdefinitions.yaml\n"), RegenerateHint);
    }

    [Test]
    public void CommittedRgdCrd_ParsesStrictlyAsCustomResourceDefinition()
    {
        var crd = KubernetesYaml.Deserialize<V1CustomResourceDefinition>(File.ReadAllText(CrdPath), strict: true);

        Assert.That(crd.Metadata.Name, Is.EqualTo(ResourceGraphDefinitionResource.CrdName));
        Assert.That(crd.Spec.Versions.Single().Schema.OpenAPIV3Schema.Properties["spec"].Required, Is.EqualTo(new[] { "schema" }));
    }
}
