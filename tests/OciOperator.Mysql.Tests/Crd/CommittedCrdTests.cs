using k8s;
using k8s.Models;
using OciOperator.Mysql.Api;

namespace OciOperator.Mysql.Tests.Crd;

/// <summary>
/// The committed CRD files are exactly what the code generates (controller-gen's drift check). With
/// <c>OCI_OPERATOR_UPDATE_CRDS=1</c> in the environment the fixture first rewrites them from the code.
/// </summary>
public sealed class CommittedCrdTests
{
    [Test]
    public void CommittedCrd_MatchesGeneratedFromCode()
    {
        foreach (var (_, path, text) in CommittedCrdFiles.Generated())
        {
            Assert.That(File.Exists(path), Is.True, $"{path} is missing. {CommittedCrdFiles.RegenerateHint}");
            Assert.That(File.ReadAllText(path), Is.EqualTo(text), $"{path} differs from the CRD generated from the API types. {CommittedCrdFiles.RegenerateHint}");
        }
    }

    [Test]
    public void CommittedKustomization_ListsEveryGeneratedCrd()
    {
        Assert.That(File.Exists(CommittedCrdFiles.KustomizationPath), Is.True, CommittedCrdFiles.RegenerateHint);
        Assert.That(File.ReadAllText(CommittedCrdFiles.KustomizationPath), Is.EqualTo(CommittedCrdFiles.Kustomization()), CommittedCrdFiles.RegenerateHint);
    }

    [Test]
    public void CommittedCrd_ParsesAsCustomResourceDefinition()
    {
        var path = CommittedCrdFiles.Generated().Single().Path;

        var crd = KubernetesYaml.Deserialize<V1CustomResourceDefinition>(File.ReadAllText(path), strict: true);

        Assert.That(crd.ApiVersion, Is.EqualTo("apiextensions.k8s.io/v1"));
        Assert.That(crd.Kind, Is.EqualTo("CustomResourceDefinition"));
        Assert.That(crd.Metadata.Name, Is.EqualTo(DbSystem.CrdName));
        Assert.That(crd.Spec.Versions.Single().Schema.OpenAPIV3Schema.Properties["status"].Properties["lifecycleState"].Type, Is.EqualTo("string"));
    }

    [OneTimeSetUp]
    public void RegenerateWhenAsked()
    {
        if (Environment.GetEnvironmentVariable(CommittedCrdFiles.UpdateVariable) != "1")
        {
            return;
        }

        foreach (var (_, path, text) in CommittedCrdFiles.Generated())
        {
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.WriteAllText(path, text);
        }

        File.WriteAllText(CommittedCrdFiles.KustomizationPath, CommittedCrdFiles.Kustomization());
    }
}
