using System.Text.Json.Nodes;
using OciOperator.ResourceGraph.Crd;
using OciOperator.Testing;

namespace OciOperator.ResourceGraph.Tests.Crd;

/// <summary>
/// <c>schema.metadata.nameValidation</c> end to end with the real kubectl: the instance CRD synthesised from the RGD
/// schema is installed in the Sandbox, which refuses a bad instance name with the API server's message and accepts a
/// good one — the rules live on <c>metadata.name</c>, the one place under metadata a CRD may constrain.
/// </summary>
[NonParallelizable]
public sealed class NameValidationKubectlTests
{
    private KubeTestServer _kube = null!;
    private KubectlRunner _kubectl = null!;

    [OneTimeSetUp]
    public async Task StartAsync()
    {
        if (!KubectlRunner.Available)
        {
            Assert.Ignore("kubectl is not installed at /usr/bin/kubectl (.ci/run installs it).");
        }

        _kube = await KubeTestServer.StartAsync();
        _kubectl = new KubectlRunner(_kube.Server.BuildKubeconfig());
        var schema = RgdSchemaReader.Read(new JsonObject
        {
            ["apiVersion"] = "v1alpha1",
            ["kind"] = "Tenant",
            ["metadata"] = new JsonObject { ["nameValidation"] = "maxLength=12 pattern=\"^app-[a-z0-9-]+$\" validation=\"!self.endsWith('-test')\"" },
            ["spec"] = new JsonObject { ["size"] = "integer | default=1" },
        });
        var file = _kubectl.WriteFile("tenants-crd.json", InstanceCrdBuilder.Build(schema, "tenants", "uid-1", "0.1.0").ToJsonString());
        var installed = await _kubectl.RunAsync("apply", "-f", file);
        Assert.That(installed.ExitCode, Is.Zero, installed.ToString());
        var established = await _kubectl.RunAsync("wait", "crd/tenants.kro.run", "--for=condition=Established", "--timeout=30s");
        Assert.That(established.ExitCode, Is.Zero, established.ToString());
    }

    [OneTimeTearDown]
    public async Task StopAsync()
    {
        _kubectl?.Dispose();
        if (_kube is not null)
        {
            await _kube.DisposeAsync();
        }
    }

    private static IEnumerable<TestCaseData> BadNames()
    {
        yield return new TestCaseData("app-much-too-long", "metadata.name: Too long").SetName("Apply_NameLongerThanMaxLength_Refused");
        yield return new TestCaseData("web", "metadata.name in body should match '^app-[a-z0-9-]+$'").SetName("Apply_NameNotMatchingPattern_Refused");
        yield return new TestCaseData("app-a-test", "metadata.name: Invalid value: \"app-a-test\": validation failed").SetName("Apply_NameFailingCelRule_Refused");
    }

    [TestCaseSource(nameof(BadNames))]
    public async Task Apply_BadName_RefusedWithMessage(string name, string message)
    {
        var result = await ApplyAsync(name);

        Assert.That(result.ExitCode, Is.Not.Zero, result.ToString());
        Assert.That(result.Stderr, Does.Contain($"The Tenant \"{name}\" is invalid").And.Contain(message), result.ToString());
        var get = await _kubectl.RunAsync("get", "tenants.kro.run", name, "-n", "default");
        Assert.That(get.ExitCode, Is.Not.Zero, "a refused instance must not be stored: " + get);
    }

    [Test]
    public async Task Apply_NameWithinRules_Accepted()
    {
        var result = await ApplyAsync("app-web");

        Assert.That(result.ExitCode, Is.Zero, result.ToString());
        var get = await _kubectl.RunAsync("get", "tenants.kro.run", "app-web", "-n", "default", "-o", "jsonpath={.spec.size}");
        Assert.That(get.Stdout, Is.EqualTo("1"), get.ToString());
    }

    [Test]
    public async Task Create_GenerateNameBreakingTheRules_RefusedOnTheGeneratedName()
    {
        var file = _kubectl.WriteFile("tenant-generated.yaml", "apiVersion: kro.run/v1alpha1\nkind: Tenant\nmetadata:\n  generateName: web-\n  namespace: default\nspec: {}\n");

        var result = await _kubectl.RunAsync("create", "-f", file);

        Assert.That(result.ExitCode, Is.Not.Zero, result.ToString());
        Assert.That(result.Stderr, Does.Contain("metadata.name in body should match '^app-[a-z0-9-]+$'"), result.ToString());
    }

    private Task<KubectlResult> ApplyAsync(string name)
    {
        var file = _kubectl.WriteFile($"tenant-{name}.yaml", $"apiVersion: kro.run/v1alpha1\nkind: Tenant\nmetadata:\n  name: {name}\n  namespace: default\nspec: {{}}\n");
        return _kubectl.RunAsync("apply", "-f", file);
    }
}
