using System.Text.Json.Nodes;
using OciOperator.ResourceGraph.Building;
using OciOperator.ResourceGraph.Graph;
using OciOperator.ResourceGraph.Instances;
using OciOperator.ResourceGraph.Tests.Support;
using OciOperator.Sandbox.Kube.Serialization;

namespace OciOperator.ResourceGraph.Tests.Instances;

/// <summary>The seed RGD run step by step: each observed state gives the expected outcome per node.</summary>
public sealed class SeedInstanceRuntimeTests
{
    private static readonly CompiledGraph Graph = Compile();

    private static CompiledGraph Compile()
    {
        var result = new GraphBuilder(TestKinds.WithBuiltIns()).Build(SeedRgd.Load());
        Assert.That(result.Errors, Is.Empty, result.Message);
        return result.Graph!;
    }

    private static JsonObject Instance() => YamlToJson.Parse("""
        apiVersion: kro.run/v1alpha1
        kind: OsokKroDemoApp
        metadata: {name: osok-kro-demo, namespace: demo}
        spec: {compartmentId: c, subnetId: s, availabilityDomain: ad, configurationId: cfg, mysqlShapeName: MySQL.2, mysqlAdminPassword: pw}
        """)!.AsObject();

    /// <summary>The observed state after the first <paramref name="steps"/> children exist and are ready.</summary>
    private static ObservedState Observed(int steps, bool lastReady = true)
    {
        var observed = new ObservedState();
        var run = InstanceRuntime.Run(Graph, Instance(), observed);
        for (var i = 0; i < steps; i++)
        {
            var node = run.Nodes[i];
            var obj = node.Desired.Single().DeepClone().AsObject();
            if (i < steps - 1 || lastReady)
            {
                obj["status"] = node.Id switch
                {
                    "mysqlDbSystem" => JsonNode.Parse("""{"lifecycleState":"ACTIVE"}"""),
                    "initWordpressDb" => JsonNode.Parse("""{"succeeded":1}"""),
                    "wordpressDeployment" => JsonNode.Parse("""{"availableReplicas":1}"""),
                    "wordpressSvc" => JsonNode.Parse("""{"loadBalancer":{"ingress":[{"ip":"10.0.0.9"}]}}"""),
                    _ => null,
                };
            }

            observed.Set(node.Id, obj);
            run = InstanceRuntime.Run(Graph, Instance(), observed);
        }

        return observed;
    }

    private static IEnumerable<TestCaseData> Steps()
    {
        yield return new TestCaseData(0, true, "Readiness,Dependency,Dependency,Dependency,Dependency", InstanceState.InProgress).SetName("Run_NothingObserved_OnlySecretResolvable");
        yield return new TestCaseData(1, true, "Ready,Readiness,Dependency,Dependency,Dependency", InstanceState.InProgress).SetName("Run_SecretObserved_DbSystemResolvable");
        yield return new TestCaseData(2, false, "Ready,Readiness,Dependency,Dependency,Dependency", InstanceState.InProgress).SetName("Run_DbSystemNotActive_JobWaitsOnIt");
        yield return new TestCaseData(2, true, "Ready,Ready,Readiness,Dependency,Dependency", InstanceState.InProgress).SetName("Run_DbSystemActive_JobResolvable");
        yield return new TestCaseData(4, true, "Ready,Ready,Ready,Ready,Readiness", InstanceState.InProgress).SetName("Run_DeploymentAvailable_ServiceResolvable");
        yield return new TestCaseData(5, false, "Ready,Ready,Ready,Ready,Readiness", InstanceState.InProgress).SetName("Run_ServiceWithoutIp_WaitsOnReadiness");
        yield return new TestCaseData(5, true, "Ready,Ready,Ready,Ready,Ready", InstanceState.Active).SetName("Run_EverythingReady_Active");
    }

    [TestCaseSource(nameof(Steps))]
    public void Run_SeedStep_Outcomes(int steps, bool lastReady, string expected, InstanceState state)
    {
        var run = InstanceRuntime.Run(Graph, Instance(), Observed(steps, lastReady));

        Assert.That(string.Join(",", run.Nodes.Select(n => Short(n.Outcome))), Is.EqualTo(expected), run.Summary());
        Assert.That(run.State, Is.EqualTo(state));
    }

    [Test]
    public void Run_DbSystemPending_SaysWhichObjectAndReadyWhen()
    {
        var run = InstanceRuntime.Run(Graph, Instance(), Observed(2, lastReady: false));

        var outcome = (NodeOutcome.WaitingOnReadiness)run.Node("mysqlDbSystem").Outcome;
        Assert.That(outcome.Object, Is.EqualTo("DbSystem demo/osok-kro-demo-db"));
        Assert.That(outcome.Condition, Does.Contain("lifecycleState"));
        Assert.That(((NodeOutcome.WaitingOnDependency)run.Node("initWordpressDb").Outcome).Dependencies, Is.EqualTo(new[] { "mysqlDbSystem" }));
    }

    [Test]
    public void Run_SecretDesired_ResolvedWithDefaultsAndNamespace()
    {
        var secret = InstanceRuntime.Run(Graph, Instance(), ObservedState.Empty).Node("mysqlAdminSecret").Desired.Single();

        Assert.That(JsonText.Canonical(secret), Is.EqualTo(JsonText.Of(
            "{apiVersion: v1, kind: Secret, metadata: {name: osok-kro-demo-mysql-admin, namespace: demo}, type: Opaque, stringData: {username: dbadmin, password: pw}}")));
    }

    [Test]
    public void Run_DeploymentDesired_ReadsDbSecretAndJobStatus()
    {
        var deployment = InstanceRuntime.Run(Graph, Instance(), Observed(3)).Node("wordpressDeployment").Desired.Single();

        Assert.That(deployment["metadata"]!["annotations"]!["kro.run/after-db-init"]!.GetValue<string>(), Is.EqualTo("1"));
        var env = deployment["spec"]!["template"]!["spec"]!["containers"]![0]!["env"]![0]!;
        Assert.That(env["valueFrom"]!["secretKeyRef"]!["name"]!.GetValue<string>(), Is.EqualTo("osok-kro-demo-db"));
        Assert.That(env["valueFrom"]!["secretKeyRef"]!["key"]!.GetValue<string>(), Is.EqualTo("PrivateIPAddress"));
    }

    [Test]
    public void Run_StatusIp_LeftOutUntilTheServiceHasIt()
    {
        var before = InstanceRuntime.Run(Graph, Instance(), Observed(5, lastReady: false));
        var after = InstanceRuntime.Run(Graph, Instance(), Observed(5));

        Assert.That(before.Status.ContainsKey("wordpressSvcIP"), Is.False);
        Assert.That(before.StatusPending.Single(), Does.StartWith("status.wordpressSvcIP"));
        Assert.That(after.Status["wordpressSvcIP"]!.GetValue<string>(), Is.EqualTo("10.0.0.9"));
    }

    [Test]
    public void Run_RequiredFieldMissing_InstanceError()
    {
        var instance = Instance();
        instance["spec"]!.AsObject().Remove("subnetId");

        var run = InstanceRuntime.Run(Graph, instance, ObservedState.Empty);

        Assert.That(run.InstanceErrors, Is.EqualTo(new[] { "spec.subnetId: Required value" }));
        Assert.That(run.State, Is.EqualTo(InstanceState.Error));
    }

    private static string Short(NodeOutcome outcome) => outcome switch
    {
        NodeOutcome.Ready => "Ready",
        NodeOutcome.WaitingOnReadiness => "Readiness",
        NodeOutcome.WaitingOnDependency => "Dependency",
        NodeOutcome.WaitingOnData => "Data",
        NodeOutcome.Excluded => "Excluded",
        _ => outcome.ToString(),
    };
}
