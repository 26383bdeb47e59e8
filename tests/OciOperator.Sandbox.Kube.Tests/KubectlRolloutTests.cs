using OciOperator.Sandbox.Kube.Simulators;
using OciOperator.Sandbox.Kube.Tests.Support;

namespace OciOperator.Sandbox.Kube.Tests;

/// <summary>
/// The real kubectl over Deployments the simulated controllers roll out (issue 13): <c>get pods</c>,
/// <c>rollout status</c>, <c>rollout history</c>, <c>rollout undo</c>, <c>scale</c> to zero.
/// </summary>
[TestFixture]
[Parallelizable(ParallelScope.Children)]
[FixtureLifeCycle(LifeCycle.InstancePerTestCase)]
public sealed class KubectlRolloutTests : KubectlFixture
{
    private const string Web = """
        apiVersion: apps/v1
        kind: Deployment
        metadata:
          name: web
        spec:
          replicas: 2
          selector:
            matchLabels: {app: web}
          template:
            metadata:
              labels: {app: web}
            spec:
              containers:
              - {name: web, image: nginx:1.25}
        """;

    private async Task<KubectlResult> Ok(params string[] args)
    {
        var result = await Kubectl.RunAsync(args);
        Assert.That(result.ExitCode, Is.EqualTo(0), result.ToString());
        return result;
    }

    private async Task<WorkloadSimulators> StartSimulatorsAsync()
    {
        var simulators = WorkloadSimulators.Start(Server.Server.BaseAddress, new SimulatorOptions
        {
            Jobs = false,
            LoadBalancers = false,
            DeploymentRolloutDelay = TimeSpan.FromMilliseconds(50),
        });
        await Ok("apply", "-f", Kubectl.WriteFile("web.yaml", Web));
        return simulators;
    }

    [Test]
    public async Task RolloutStatus_NewDeployment_SuccessfullyRolledOut()
    {
        await using var simulators = await StartSimulatorsAsync();

        var status = await Ok("rollout", "status", "deployment/web", "--timeout=30s");
        var pods = await Ok("get", "pods", "-l", "app=web", "--no-headers");
        var rs = await Ok("get", "rs", "--no-headers");

        Assert.That(status.Stdout, Does.Contain("deployment \"web\" successfully rolled out"));
        var rows = pods.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.That(rows, Has.Length.EqualTo(2));
        Assert.That(rows, Has.All.Match(@"^web-[a-z0-9]+-[a-z0-9]{5}\s+1/1\s+Running\s+0\s"));
        Assert.That(rs.Stdout, Does.Match(@"^web-[a-z0-9]+\s+2\s+2\s+2\s"));
    }

    [Test]
    public async Task RolloutHistoryAndUndo_AfterImageChange_ListsRevisionsAndRollsBack()
    {
        await using var simulators = await StartSimulatorsAsync();
        await Ok("rollout", "status", "deployment/web", "--timeout=30s");

        await Ok("set", "image", "deployment/web", "web=nginx:1.26");
        await Ok("annotate", "deployment/web", "kubernetes.io/change-cause=upgrade to 1.26");
        var second = await Ok("rollout", "status", "deployment/web", "--timeout=30s");
        var history = await Ok("rollout", "history", "deployment/web");
        var revision2 = await Ok("rollout", "history", "deployment/web", "--revision=2");
        var undo = await Ok("rollout", "undo", "deployment/web");
        var third = await Ok("rollout", "status", "deployment/web", "--timeout=30s");
        var image = await Ok("get", "deployment", "web", "-o", "jsonpath={.spec.template.spec.containers[0].image}");
        var podImages = await Ok("get", "pods", "-l", "app=web", "-o", "jsonpath={.items[*].spec.containers[0].image}");
        var after = await Ok("rollout", "history", "deployment/web");

        Assert.That(second.Stdout, Does.Contain("successfully rolled out"));
        Assert.That(history.Stdout, Does.Match(@"REVISION\s+CHANGE-CAUSE\s+1\s+<none>\s+2\s+upgrade to 1.26"));
        Assert.That(revision2.Stdout, Does.Contain("nginx:1.26"));
        Assert.That(undo.Stdout, Does.Contain("deployment.apps/web rolled back"));
        Assert.That(third.Stdout, Does.Contain("successfully rolled out"));
        Assert.That(image.Stdout, Is.EqualTo("nginx:1.25"));
        Assert.That(podImages.Stdout, Is.EqualTo("nginx:1.25 nginx:1.25"));
        Assert.That(after.Stdout, Does.Match(@"\s2\s+.*\s3\s+"), "revision 1 became revision 3");
        Assert.That(after.Stdout, Does.Not.Match(@"\n1\s"));
    }

    [Test]
    public async Task Scale_ToZero_PodsDeleted()
    {
        await using var simulators = await StartSimulatorsAsync();
        await Ok("rollout", "status", "deployment/web", "--timeout=30s");

        await Ok("scale", "deployment/web", "--replicas=0");
        await Ok("wait", "--for=delete", "pod", "-l", "app=web", "--timeout=30s");
        var pods = await Ok("get", "pods", "-o", "name");
        var status = await Ok("rollout", "status", "deployment/web", "--timeout=30s");

        Assert.That(pods.Stdout, Is.Empty);
        Assert.That(status.Stdout, Does.Contain("successfully rolled out"));
    }

    [Test]
    public async Task Delete_Deployment_PodsAndReplicaSetsGo()
    {
        await using var simulators = await StartSimulatorsAsync();
        await Ok("rollout", "status", "deployment/web", "--timeout=30s");

        await Ok("delete", "deployment", "web", "--cascade=foreground");
        var rs = await Ok("get", "rs", "-o", "name");
        var pods = await Ok("get", "pods", "-o", "name");

        Assert.That(rs.Stdout, Is.Empty);
        Assert.That(pods.Stdout, Is.Empty);
    }

    [TestCase("statefulset", "partitioned roll out complete: 2 new pods have been updated...|statefulset rolling update complete 2 pods at revision")]
    [TestCase("daemonset", "daemon set \"web\" successfully rolled out")]
    public async Task RolloutStatus_StatefulSetOrDaemonSet_Completes(string kind, string expected)
    {
        await using var simulators = await StartSimulatorsAsync();
        var extra = kind == "statefulset" ? "  serviceName: web\n  replicas: 2\n" : "";
        var kindName = kind == "statefulset" ? "StatefulSet" : "DaemonSet";
        var manifest = $"apiVersion: apps/v1\nkind: {kindName}\nmetadata:\n  name: web\nspec:\n{extra}  selector:\n    matchLabels: {{app: {kind}}}\n"
            + $"  template:\n    metadata:\n      labels: {{app: {kind}}}\n    spec:\n      containers:\n      - {{name: c, image: busybox}}\n";
        await Ok("apply", "-f", Kubectl.WriteFile("w.yaml", manifest));

        var status = await Ok("rollout", "status", kind + "/web", "--timeout=30s");
        var listed = await Ok("get", kind, "web", "--no-headers");

        Assert.That(status.Stdout, Does.Match(expected));
        Assert.That(listed.Stdout, kind == "statefulset" ? Does.Match(@"^web\s+2/2\s") : Does.Match(@"^web\s+1\s+1\s+1\s+1\s+1\s"));
    }
}
