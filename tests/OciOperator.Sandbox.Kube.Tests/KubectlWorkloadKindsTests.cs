using System.Diagnostics;
using OciOperator.Sandbox.Kube.Tests.Support;

namespace OciOperator.Sandbox.Kube.Tests;

/// <summary>
/// The real kubectl beyond CRUD (issue 13): the new built-in kinds, <c>scale</c>, <c>autoscale</c>, <c>auth can-i</c>,
/// <c>logs</c>/<c>exec</c> of simulated pods, and our own install manifest.
/// </summary>
[TestFixture]
[Parallelizable(ParallelScope.Children)]
[FixtureLifeCycle(LifeCycle.InstancePerTestCase)]
public sealed class KubectlWorkloadKindsTests : KubectlFixture
{
    private const string Labels = "  selector:\n    matchLabels: {app: web}\n  template:\n    metadata:\n      labels: {app: web}\n    spec:\n      containers:\n      - {name: web, image: nginx}\n";

    private async Task<KubectlResult> Ok(params string[] args)
    {
        var result = await Kubectl.RunAsync(args);
        Assert.That(result.ExitCode, Is.EqualTo(0), result.ToString());
        return result;
    }

    private static IEnumerable<TestCaseData> Kinds()
    {
        yield return Kind("statefulset", "sts", "apps/v1", "StatefulSet", "spec:\n  serviceName: web\n  replicas: 2\n" + Labels);
        yield return Kind("daemonset", "ds", "apps/v1", "DaemonSet", "spec:\n" + Labels);
        yield return Kind("replicaset", "rs", "apps/v1", "ReplicaSet", "spec:\n  replicas: 2\n" + Labels);
        yield return Kind("cronjob", "cj", "batch/v1", "CronJob", "spec:\n  schedule: \"*/5 * * * *\"\n  jobTemplate:\n    spec:\n      template:\n        spec:\n          restartPolicy: Never\n          containers:\n          - {name: c, image: busybox}\n");
        yield return Kind("persistentvolumeclaim", "pvc", "v1", "PersistentVolumeClaim", "spec:\n  accessModes: [ReadWriteOnce]\n  resources:\n    requests: {storage: 1Gi}\n");
        yield return Kind("ingress", "ing", "networking.k8s.io/v1", "Ingress", "spec:\n  defaultBackend:\n    service: {name: web, port: {number: 80}}\n");
        yield return Kind("ingressclass", "ingressclass", "networking.k8s.io/v1", "IngressClass", "spec:\n  controller: example.com/ingress\n");
        yield return Kind("networkpolicy", "netpol", "networking.k8s.io/v1", "NetworkPolicy", "spec:\n  podSelector: {}\n  policyTypes: [Ingress]\n");
        yield return Kind("horizontalpodautoscaler", "hpa", "autoscaling/v2", "HorizontalPodAutoscaler", "spec:\n  scaleTargetRef: {apiVersion: apps/v1, kind: Deployment, name: web}\n  minReplicas: 1\n  maxReplicas: 3\n");
        yield return Kind("poddisruptionbudget", "pdb", "policy/v1", "PodDisruptionBudget", "spec:\n  minAvailable: 1\n  selector:\n    matchLabels: {app: web}\n");
        yield return Kind("role", "role", "rbac.authorization.k8s.io/v1", "Role", "rules:\n- apiGroups: [\"\"]\n  resources: [configmaps]\n  verbs: [get]\n");
        yield return Kind("clusterrole", "clusterrole", "rbac.authorization.k8s.io/v1", "ClusterRole", "rules:\n- apiGroups: [\"\"]\n  resources: [configmaps]\n  verbs: [get]\n");
        yield return Kind("rolebinding", "rolebinding", "rbac.authorization.k8s.io/v1", "RoleBinding", "roleRef: {apiGroup: rbac.authorization.k8s.io, kind: Role, name: r}\nsubjects:\n- {kind: ServiceAccount, name: default, namespace: default}\n");
        yield return Kind("clusterrolebinding", "clusterrolebinding", "rbac.authorization.k8s.io/v1", "ClusterRoleBinding", "roleRef: {apiGroup: rbac.authorization.k8s.io, kind: ClusterRole, name: r}\nsubjects:\n- {kind: ServiceAccount, name: default, namespace: default}\n");
    }

    private static TestCaseData Kind(string resource, string shortName, string apiVersion, string kind, string body)
    {
        var plural = resource.EndsWith('s') ? resource + "es" : resource.EndsWith('y') ? resource[..^1] + "ies" : resource + "s";
        var clusterScoped = kind is "IngressClass" or "ClusterRole" or "ClusterRoleBinding";
        var path = (apiVersion == "v1" ? "/api/v1" : "/apis/" + apiVersion) + (clusterScoped ? "" : "/namespaces/default") + "/" + plural;
        return new TestCaseData(resource, shortName, path, $"apiVersion: {apiVersion}\nkind: {kind}\nmetadata:\n  name: sample\n{body}")
            .SetName($"CreateGetWatchDelete_{kind}_Works");
    }

    [TestCaseSource(nameof(Kinds))]
    public async Task CreateGetWatchDelete_NewKind_Works(string resource, string shortName, string path, string manifest)
    {
        var file = Kubectl.WriteFile("obj.yaml", manifest);
        await using var watch = await WatchLines.OpenAsync(Server, path + "?watch=true");

        var applied = await Ok("apply", "-f", file);
        var listed = await Ok("get", shortName, "-o", "name");
        var deleted = await Ok("delete", "-f", file);
        var gone = await Kubectl.RunAsync("get", resource, "sample");
        var added = await watch.NextOfAsync("ADDED", "sample");
        var removed = await watch.NextOfAsync("DELETED", "sample");

        Assert.That(watch.StatusCode, Is.EqualTo(200));
        Assert.That(applied.Stdout, Does.Contain("/sample created"));
        Assert.That(listed.Stdout, Does.Contain("/sample"));
        Assert.That(deleted.Stdout, Does.Contain("\"sample\" deleted"));
        Assert.That(gone.ExitCode, Is.Not.EqualTo(0));
        Assert.That(added["object"]!["metadata"]!["name"]!.GetValue<string>(), Is.EqualTo("sample"));
        Assert.That(removed["type"]!.GetValue<string>(), Is.EqualTo("DELETED"));
    }

    [Test]
    public async Task CreateJobFromCronJob_ManualJobOwnedByTheCronJob()
    {
        const string cronJob = "apiVersion: batch/v1\nkind: CronJob\nmetadata:\n  name: nightly\nspec:\n  schedule: \"0 3 * * *\"\n  jobTemplate:\n"
            + "    spec:\n      template:\n        spec:\n          restartPolicy: Never\n          containers:\n          - {name: c, image: busybox}\n";
        await Ok("apply", "-f", Kubectl.WriteFile("cj.yaml", cronJob));

        var created = await Ok("create", "job", "nightly-manual", "--from=cronjob/nightly");
        var owner = await Ok("get", "job", "nightly-manual", "-o", "jsonpath={.metadata.ownerReferences[0].kind}/{.metadata.ownerReferences[0].name}/{.metadata.annotations.cronjob\\.kubernetes\\.io/instantiate}");
        var image = await Ok("get", "job", "nightly-manual", "-o", "jsonpath={.spec.template.spec.containers[0].image}");

        Assert.That(created.Stdout, Does.Contain("job.batch/nightly-manual created"));
        Assert.That(owner.Stdout, Is.EqualTo("CronJob/nightly/manual"));
        Assert.That(image.Stdout, Is.EqualTo("busybox"));
    }

    [TestCase("deployment")]
    [TestCase("statefulset")]
    [TestCase("replicaset")]
    public async Task Scale_Workload_ReplicasChangeThroughScaleSubresource(string kind)
    {
        var extra = kind == "statefulset" ? "  serviceName: web\n" : "";
        var apiVersion = "apps/v1";
        var kindName = char.ToUpperInvariant(kind[0]) + kind[1..].Replace("set", "Set", StringComparison.Ordinal);
        await Ok("apply", "-f", Kubectl.WriteFile("w.yaml", $"apiVersion: {apiVersion}\nkind: {kindName}\nmetadata:\n  name: web\nspec:\n  replicas: 1\n{extra}{Labels}"));

        var scaled = await Ok("scale", kind, "web", "--replicas=4");
        var replicas = await Ok("get", kind, "web", "-o", "jsonpath={.spec.replicas}");
        var (code, scale, _) = await Server.SendAsync(HttpMethod.Get, $"/apis/apps/v1/namespaces/default/{kind}s/web/scale");

        Assert.That(scaled.Stdout, Does.Contain("scaled"));
        Assert.That(replicas.Stdout, Is.EqualTo("4"));
        Assert.That(code, Is.EqualTo(200));
        Assert.That(scale!["kind"]!.GetValue<string>(), Is.EqualTo("Scale"));
        Assert.That(scale["apiVersion"]!.GetValue<string>(), Is.EqualTo("autoscaling/v1"));
        Assert.That(scale["spec"]!["replicas"]!.GetValue<long>(), Is.EqualTo(4));
        Assert.That(scale["status"]!["selector"]!.GetValue<string>(), Is.EqualTo("app=web"));
    }

    [Test]
    public async Task Scale_PutWithStaleResourceVersion_409()
    {
        await Ok("apply", "-f", Kubectl.WriteFile("w.yaml", $"apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\nspec:\n  replicas: 1\n{Labels}"));
        const string path = "/apis/apps/v1/namespaces/default/deployments/web/scale";

        var (code, status, _) = await Server.SendAsync(HttpMethod.Put, path,
            "{\"kind\":\"Scale\",\"apiVersion\":\"autoscaling/v1\",\"metadata\":{\"name\":\"web\",\"resourceVersion\":\"1\"},\"spec\":{\"replicas\":3}}");
        var replicas = await Ok("get", "deployment", "web", "-o", "jsonpath={.spec.replicas}");

        Assert.That(code, Is.EqualTo(409), status?.ToJsonString());
        Assert.That(status!["message"]!.GetValue<string>(), Does.Contain("the object has been modified"));
        Assert.That(replicas.Stdout, Is.EqualTo("1"));
    }

    [Test]
    public async Task Scale_CustomResourceWithScaleSubresource_Works()
    {
        await Ok("apply", "-f", Kubectl.WriteFile("crd.yaml", ScalableCrd));
        await Ok("wait", "--for=condition=established", "--timeout=20s", "crd/gizmos.example.com");
        await Ok("apply", "-f", Kubectl.WriteFile("g.yaml", "apiVersion: example.com/v1\nkind: Gizmo\nmetadata:\n  name: g\nspec:\n  count: 1\n"));

        await Ok("scale", "gizmo", "g", "--replicas=5");
        var count = await Ok("get", "gizmo", "g", "-o", "jsonpath={.spec.count}");
        var resources = await Ok("api-resources", "--api-group=example.com", "-o", "name");

        Assert.That(count.Stdout, Is.EqualTo("5"));
        Assert.That(resources.Stdout, Does.Contain("gizmos.example.com"));
    }

    [Test]
    public async Task Autoscale_Deployment_CreatesHorizontalPodAutoscaler()
    {
        await Ok("apply", "-f", Kubectl.WriteFile("w.yaml", $"apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\nspec:\n  replicas: 1\n{Labels}"));

        var created = await Ok("autoscale", "deployment", "web", "--min=2", "--max=5", "--cpu-percent=80");
        var hpa = await Ok("get", "hpa", "web", "-o", "jsonpath={.apiVersion}/{.spec.minReplicas}/{.spec.maxReplicas}/{.spec.scaleTargetRef.name}/{.spec.metrics[0].resource.target.averageUtilization}");
        var (_, v1, _) = await Server.SendAsync(HttpMethod.Get, "/apis/autoscaling/v1/namespaces/default/horizontalpodautoscalers/web");

        Assert.That(created.Stdout, Does.Contain("autoscaled"));
        Assert.That(hpa.Stdout, Is.EqualTo("autoscaling/v2/2/5/web/80"), "stored as v2, the CPU target a Utilization metric");
        Assert.That(v1!["spec"]!["targetCPUUtilizationPercentage"]!.GetValue<int>(), Is.EqualTo(80), "and read back as v1");
    }

    [TestCase("create", "deployments")]
    [TestCase("delete", "namespaces")]
    [TestCase("list", "secrets")]
    public async Task AuthCanI_AnyVerb_Yes(string verb, string resource)
    {
        var result = await Ok("auth", "can-i", verb, resource);

        Assert.That(result.Stdout.Trim(), Is.EqualTo("yes"));
    }

    [Test]
    public async Task AuthCanIList_EverythingAllowed()
    {
        var result = await Ok("auth", "can-i", "--list");

        Assert.That(result.Stdout, Does.Contain("*.*"));
    }

    [Test]
    public async Task Logs_SimulatedPod_AnswersAtOnceSayingItIsSimulated()
    {
        await Ok("run", "web", "--image=nginx", "--restart=Never");
        var watch = Stopwatch.StartNew();

        var logs = await Ok("logs", "web");

        Assert.That(watch.Elapsed, Is.LessThan(TimeSpan.FromSeconds(5)));
        Assert.That(logs.Stdout, Does.Contain("simulated"));
    }

    [TestCase("exec", TestName = "Exec_SimulatedPod_ClearErrorAtOnce")]
    [TestCase("port-forward", TestName = "PortForward_SimulatedPod_ClearErrorAtOnce")]
    public async Task Streaming_SimulatedPod_ClearErrorAtOnce(string verb)
    {
        await Ok("run", "web", "--image=nginx", "--restart=Never");
        string[] args = verb == "exec" ? ["exec", "web", "--", "true"] : ["port-forward", "pod/web", "18080:80"];

        var result = await Kubectl.RunAsync(TimeSpan.FromSeconds(15), args);

        // exec reaches the server, which says the pod is simulated; port-forward stops earlier, in kubectl, because a
        // simulated pod never reaches Running. Either way: an error at once, not a 20-second hang.
        Assert.That(result.ExitCode, Is.Not.EqualTo(0));
        Assert.That(result.Stderr, verb == "exec" ? Does.Contain("simulated") : Does.Contain("not running"), result.ToString());
    }

    [Test]
    public async Task ApplyInstallManifest_DeployOciOperatorYaml_Succeeds()
    {
        var manifest = Path.Combine(RepositoryRoot(), "deploy", "oci-operator.yaml");

        var applied = await Ok("apply", "-f", manifest);
        var again = await Ok("apply", "-f", manifest);

        Assert.That(applied.Stdout, Does.Contain("created"));
        Assert.That(again.Stdout, Does.Not.Contain("created"));
    }

    private static string RepositoryRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "OciOperator.sln")))
        {
            dir = dir.Parent;
        }

        return dir?.FullName ?? throw new InvalidOperationException("OciOperator.sln not found");
    }

    private const string ScalableCrd = """
        apiVersion: apiextensions.k8s.io/v1
        kind: CustomResourceDefinition
        metadata:
          name: gizmos.example.com
        spec:
          group: example.com
          scope: Namespaced
          names: {plural: gizmos, singular: gizmo, kind: Gizmo}
          versions:
          - name: v1
            served: true
            storage: true
            subresources:
              status: {}
              scale:
                specReplicasPath: .spec.count
                statusReplicasPath: .status.count
            schema:
              openAPIV3Schema:
                type: object
                properties:
                  spec:
                    type: object
                    properties:
                      count: {type: integer}
                  status:
                    type: object
                    properties:
                      count: {type: integer}
        """;
}
