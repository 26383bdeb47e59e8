using System.Text.Json.Nodes;
using OciOperator.Sandbox.Kube.Tests.Support;

namespace OciOperator.Sandbox.Kube.Tests.BuiltIns;

/// <summary>
/// Built-in kinds validated as the apiserver does, through the real kubectl: wrong types are decode errors, unknown
/// fields follow <c>--validate=strict|warn|ignore</c>, and the rules users hit first are 422 Invalid.
/// </summary>
[TestFixture]
[Parallelizable(ParallelScope.Children)]
[FixtureLifeCycle(LifeCycle.InstancePerTestCase)]
public sealed class KubectlBuiltInValidationTests : KubectlFixture
{
    private const string Container = "      containers:\n      - name: web\n        image: nginx:1.27\n";

    private static string Deployment(string spec) =>
        "apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\n  namespace: default\nspec:\n" + spec;

    private static string Template(string labels, string podSpec = Container) =>
        "  template:\n    metadata:\n      labels: {" + labels + "}\n    spec:\n" + podSpec;

    private static IEnumerable<TestCaseData> InvalidCases()
    {
        static TestCaseData Case(string name, string manifest, string error) => new TestCaseData(manifest, error).SetName("Create_" + name);
        yield return Case("DeploymentReplicasString_DecodeError",
            Deployment("  replicas: many\n  selector: {matchLabels: {app: web}}\n" + Template("app: web")),
            "Deployment in version \"v1\" cannot be handled as a Deployment: json: cannot unmarshal string into Go struct field DeploymentSpec.spec.replicas of type int32");
        yield return Case("DeploymentWithoutSelector_Invalid",
            Deployment(Template("app: web")),
            "The Deployment \"web\" is invalid: \n* spec.selector: Required value\n* spec.template.metadata.labels: Invalid value: map[string]string{\"app\":\"web\"}: `selector` does not match template `labels`");
        yield return Case("DeploymentSelectorNotMatchingLabels_Invalid",
            Deployment("  selector: {matchLabels: {app: api}}\n" + Template("app: web")),
            "The Deployment \"web\" is invalid: spec.template.metadata.labels: Invalid value: map[string]string{\"app\":\"web\"}: `selector` does not match template `labels`");
        yield return Case("ContainerWithoutImage_Invalid",
            Deployment("  selector: {matchLabels: {app: web}}\n" + Template("app: web", "      containers:\n      - name: web\n")),
            "spec.template.spec.containers[0].image: Required value");
        yield return Case("PodContainerWithoutName_Invalid",
            "apiVersion: v1\nkind: Pod\nmetadata: {name: p, namespace: default}\nspec:\n  containers:\n  - image: nginx\n",
            "The Pod \"p\" is invalid: spec.containers[0].name: Required value");
        yield return Case("JobRestartPolicyAlways_Unsupported",
            "apiVersion: batch/v1\nkind: Job\nmetadata: {name: j, namespace: default}\nspec:\n  template:\n    spec:\n      restartPolicy: Always\n" + Container,
            "The Job \"j\" is invalid: spec.template.spec.restartPolicy: Unsupported value: \"Always\": supported values: \"OnFailure\", \"Never\"");
        yield return Case("ServicePortOutOfRange_Invalid",
            "apiVersion: v1\nkind: Service\nmetadata: {name: s, namespace: default}\nspec:\n  ports:\n  - port: 70000\n",
            "* spec.ports[0].port: Invalid value: 70000: must be between 1 and 65535, inclusive");
        yield return Case("ServiceNodePortOutOfRange_Invalid",
            "apiVersion: v1\nkind: Service\nmetadata: {name: s, namespace: default}\nspec:\n  type: NodePort\n  ports:\n  - port: 80\n    nodePort: 80\n",
            "spec.ports[0].nodePort: Invalid value: 80: provided port is not in the valid range. The range of valid ports is 30000-32767");
        yield return Case("ConfigMapDataNotStrings_DecodeError",
            "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: c, namespace: default}\ndata:\n  list: [1, 2]\n",
            "ConfigMap in version \"v1\" cannot be handled as a ConfigMap: json: cannot unmarshal array into Go struct field ConfigMap.data of type string");
    }

    [TestCaseSource(nameof(InvalidCases))]
    public async Task Create(string manifest, string error)
    {
        var result = await Kubectl.RunAsync("create", "-f", Kubectl.WriteFile("obj.yaml", manifest));

        Assert.That(result.ExitCode, Is.Not.EqualTo(0), result.ToString());
        Assert.That(result.Stderr, Does.Contain(error), result.ToString());
    }

    [Test]
    public async Task Create_ValidDeployment_Accepted()
    {
        var manifest = Deployment("  replicas: 2\n  selector:\n    matchLabels: {app: web}\n    matchExpressions: [{key: tier, operator: In, values: [front]}]\n" + Template("app: web, tier: front"));

        var result = await Kubectl.RunAsync("create", "-f", Kubectl.WriteFile("d.yaml", manifest));

        Assert.That(result.ExitCode, Is.EqualTo(0), result.ToString());
    }

    private const string MisspelledConfigMap = "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: cm, namespace: default}\ndatta: {a: b}\ndata: {c: d}\n";

    [TestCase("apply", "--validate=strict")]
    [TestCase("create", "--validate=strict")]
    [TestCase("apply", "--validate=true")]
    public async Task UnknownField_Strict_Refused(string verb, string validate)
    {
        var result = await Kubectl.RunAsync(verb, validate, "-f", Kubectl.WriteFile("cm.yaml", MisspelledConfigMap));

        Assert.That(result.ExitCode, Is.Not.EqualTo(0), result.ToString());
        Assert.That(result.Stderr, Does.Contain("ConfigMap in version \"v1\" cannot be handled as a ConfigMap: strict decoding error: unknown field \"datta\""), result.ToString());
        var get = await Kubectl.RunAsync("get", "configmap", "cm");
        Assert.That(get.ExitCode, Is.Not.EqualTo(0), "nothing is stored: " + get);
    }

    [TestCase("apply")]
    [TestCase("create")]
    public async Task UnknownField_Warn_StoredWithWarningAndFieldDropped(string verb)
    {
        var result = await Kubectl.RunAsync(verb, "--validate=warn", "-f", Kubectl.WriteFile("cm.yaml", MisspelledConfigMap));

        Assert.That(result.ExitCode, Is.EqualTo(0), result.ToString());
        Assert.That(result.Stderr, Does.Contain("unknown field \"datta\""), result.ToString());
        var stored = JsonNode.Parse((await Kubectl.RunAsync("get", "configmap", "cm", "-o", "json")).Stdout)!.AsObject();
        Assert.That(stored.ContainsKey("datta"), Is.False, stored.ToJsonString());
        Assert.That(stored["data"]?["c"]?.ToString(), Is.EqualTo("d"));
    }

    [TestCase("apply")]
    [TestCase("create")]
    public async Task UnknownField_Ignore_StoredSilentlyAndFieldDropped(string verb)
    {
        var result = await Kubectl.RunAsync(verb, "--validate=ignore", "-f", Kubectl.WriteFile("cm.yaml", MisspelledConfigMap));

        Assert.That(result.ExitCode, Is.EqualTo(0), result.ToString());
        Assert.That(result.Stderr, Does.Not.Contain("unknown field"), result.ToString());
        var stored = JsonNode.Parse((await Kubectl.RunAsync("get", "configmap", "cm", "-o", "json")).Stdout)!.AsObject();
        Assert.That(stored.ContainsKey("datta"), Is.False, stored.ToJsonString());
    }

    [Test]
    public async Task UnknownNestedField_Strict_ReportsItsPath()
    {
        var manifest = Deployment("  selector: {matchLabels: {app: web}}\n" + Template("app: web", "      containers:\n      - name: web\n        image: nginx\n        imagePullPolicyy: Always\n"));

        var result = await Kubectl.RunAsync("apply", "--validate=strict", "-f", Kubectl.WriteFile("d.yaml", manifest));

        Assert.That(result.ExitCode, Is.Not.EqualTo(0), result.ToString());
        Assert.That(result.Stderr, Does.Contain("unknown field \"spec.template.spec.containers[0].imagePullPolicyy\""), result.ToString());
    }
}
