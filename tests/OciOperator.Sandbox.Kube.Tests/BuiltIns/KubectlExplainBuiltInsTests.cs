using OciOperator.Sandbox.Kube.Tests.Support;

namespace OciOperator.Sandbox.Kube.Tests.BuiltIns;

/// <summary><c>kubectl explain</c> on built-in kinds reads the schemas the Sandbox serves in <c>/openapi/v3</c>.</summary>
[TestFixture]
[Parallelizable(ParallelScope.Children)]
[FixtureLifeCycle(LifeCycle.InstancePerTestCase)]
public sealed class KubectlExplainBuiltInsTests : KubectlFixture
{
    private static IEnumerable<TestCaseData> Cases()
    {
        yield return new TestCaseData("deployment.spec.replicas", "FIELD: replicas <integer>", "Number of desired pods").SetName("Explain_DeploymentSpecReplicas_RealDescription");
        yield return new TestCaseData("configmap", "KIND:       ConfigMap", "ConfigMap holds configuration data for pods to consume").SetName("Explain_ConfigMap_KindDescription");
        yield return new TestCaseData("pod.spec.containers.image", "FIELD: image <string>", "Container image name").SetName("Explain_PodContainerImage_RealDescription");
        yield return new TestCaseData("jobs.spec.template.spec.restartPolicy", "FIELD: restartPolicy <string>", "Restart policy for all containers").SetName("Explain_JobRestartPolicy_RealDescription");
        yield return new TestCaseData("service.spec.ports", "FIELD: ports <[]Object>", "The list of ports that are exposed by this service").SetName("Explain_ServicePorts_ListOfObjects");
    }

    [TestCaseSource(nameof(Cases))]
    public async Task Explain(string path, string header, string description)
    {
        var result = await Kubectl.RunAsync("explain", path);

        Assert.That(result.ExitCode, Is.EqualTo(0), result.ToString());
        Assert.That(result.Stdout, Does.Contain(header), result.ToString());
        Assert.That(result.Stdout, Does.Contain(description), result.ToString());
    }
}
