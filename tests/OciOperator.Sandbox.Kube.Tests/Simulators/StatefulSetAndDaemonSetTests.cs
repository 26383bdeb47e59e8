using k8s;
using k8s.Models;
using OciOperator.Sandbox.Kube;
using OciOperator.Sandbox.Kube.Simulators;

namespace OciOperator.Sandbox.Kube.Tests.Simulators;

/// <summary>StatefulSets and DaemonSets get Pods and believable status, checked with the real KubernetesClient.</summary>
[TestFixture]
[Parallelizable(ParallelScope.Children)]
[FixtureLifeCycle(LifeCycle.InstancePerTestCase)]
public sealed class StatefulSetAndDaemonSetTests : IAsyncDisposable
{
    private KubeApiServer _server = null!;
    private Kubernetes _client = null!;
    private WorkloadSimulators? _simulators;

    [SetUp]
    public async Task SetUp()
    {
        _server = await KubeApiServer.StartAsync(new KubeApiServerOptions());
        _client = new Kubernetes(new KubernetesClientConfiguration { Host = _server.BaseAddress.ToString() });
        _simulators = WorkloadSimulators.Start(_server.BaseAddress, new SimulatorOptions
        {
            Jobs = false,
            LoadBalancers = false,
            DeploymentRolloutDelay = TimeSpan.FromMilliseconds(50),
        });
    }

    [TearDown]
    public async Task TearDown() => await DisposeAsync();

    public async ValueTask DisposeAsync()
    {
        if (_simulators is not null)
        {
            await _simulators.DisposeAsync();
            _simulators = null;
            _client.Dispose();
            await _server.DisposeAsync();
        }
    }

    [Test]
    public async Task StatefulSet_Created_OrdinalPodsAndStatus()
    {
        await _client.AppsV1.CreateNamespacedStatefulSetAsync(StatefulSet("db", 3, "postgres:16"), "default");

        var sts = await WaitStatefulSetAsync("db", 3);
        var pods = (await _client.CoreV1.ListNamespacedPodAsync("default")).Items.OrderBy(p => p.Metadata.Name).ToList();

        Assert.That(pods.Select(p => p.Metadata.Name), Is.EqualTo(new[] { "db-0", "db-1", "db-2" }));
        Assert.That(pods.Select(p => p.Metadata.Labels["statefulset.kubernetes.io/pod-name"]), Is.EqualTo(new[] { "db-0", "db-1", "db-2" }));
        Assert.That(pods.Select(p => p.Metadata.Labels["controller-revision-hash"]), Has.All.EqualTo(sts.Status.UpdateRevision));
        Assert.That(pods.Select(p => p.Spec.Hostname), Is.EqualTo(new[] { "db-0", "db-1", "db-2" }));
        Assert.That(pods.Select(p => p.Spec.Subdomain), Has.All.EqualTo("db"));
        Assert.That(sts.Status.UpdateRevision, Does.StartWith("db-"));
        Assert.That(sts.Status.CurrentRevision, Is.EqualTo(sts.Status.UpdateRevision));
        Assert.That((sts.Status.Replicas, sts.Status.ReadyReplicas, sts.Status.CurrentReplicas, sts.Status.UpdatedReplicas), Is.EqualTo((3, (int?)3, (int?)3, (int?)3)));
    }

    [Test]
    public async Task StatefulSet_TemplateChangedAndScaledDown_PodsReplacedAndHighestOrdinalRemoved()
    {
        await _client.AppsV1.CreateNamespacedStatefulSetAsync(StatefulSet("db", 3, "postgres:16"), "default");
        var before = await WaitStatefulSetAsync("db", 3);

        var patch = """{"spec":{"replicas":2,"template":{"spec":{"containers":[{"name":"main","image":"postgres:17"}]}}}}""";
        await _client.AppsV1.PatchNamespacedStatefulSetAsync(new V1Patch(patch, V1Patch.PatchType.StrategicMergePatch), "db", "default");
        var after = await Eventually.UntilAsync(
            () => _client.AppsV1.ReadNamespacedStatefulSetAsync("db", "default"),
            s => s.Status?.ObservedGeneration == s.Metadata.Generation && s.Status!.Replicas == 2 && s.Status.UpdatedReplicas == 2
                 && s.Status.ReadyReplicas == 2 && s.Status.CurrentRevision == s.Status.UpdateRevision,
            "the statefulset to roll out");
        var pods = (await _client.CoreV1.ListNamespacedPodAsync("default")).Items.OrderBy(p => p.Metadata.Name).ToList();

        Assert.That(after.Status.UpdateRevision, Is.Not.EqualTo(before.Status.UpdateRevision));
        Assert.That(pods.Select(p => p.Metadata.Name), Is.EqualTo(new[] { "db-0", "db-1" }));
        Assert.That(pods.Select(p => p.Spec.Containers[0].Image), Has.All.EqualTo("postgres:17"));
    }

    [Test]
    public async Task DaemonSet_NoNodes_SandboxNodeRegisteredAndOnePodOnIt()
    {
        await _client.AppsV1.CreateNamespacedDaemonSetAsync(DaemonSet("agent"), "default");

        var ds = await Eventually.UntilAsync(
            () => _client.AppsV1.ReadNamespacedDaemonSetAsync("agent", "default"),
            d => d.Status?.NumberAvailable == 1 && d.Status.ObservedGeneration == d.Metadata.Generation, "the daemonset to be available");
        var nodes = await _client.CoreV1.ListNodeAsync();
        var pod = (await _client.CoreV1.ListNamespacedPodAsync("default")).Items.Single();

        Assert.That(nodes.Items.Select(n => n.Metadata.Name), Is.EqualTo(new[] { "sandbox-node" }));
        Assert.That(nodes.Items[0].Status.Conditions.Single(c => c.Type == "Ready").Status, Is.EqualTo("True"));
        Assert.That((ds.Status.DesiredNumberScheduled, ds.Status.CurrentNumberScheduled, ds.Status.NumberReady, ds.Status.UpdatedNumberScheduled),
            Is.EqualTo((1, 1, 1, (int?)1)));
        Assert.That(pod.Spec.NodeName, Is.EqualTo("sandbox-node"));
        Assert.That(pod.Metadata.OwnerReferences.Single().Kind, Is.EqualTo("DaemonSet"));
    }

    [Test]
    public async Task DaemonSet_NodeSelectorMatchesNoNode_NothingScheduled()
    {
        var ds = DaemonSet("gpu");
        ds.Spec.Template.Spec.NodeSelector = new Dictionary<string, string> { ["gpu"] = "true" };
        await _client.AppsV1.CreateNamespacedDaemonSetAsync(ds, "default");

        var read = await Eventually.UntilAsync(
            () => _client.AppsV1.ReadNamespacedDaemonSetAsync("gpu", "default"),
            d => d.Status?.ObservedGeneration == d.Metadata.Generation, "the daemonset to be observed");
        await Eventually.UntilAsync(() => _client.CoreV1.ListNodeAsync(), l => l.Items.Count == 1, "the sandbox node");
        var pods = await _client.CoreV1.ListNamespacedPodAsync("default");

        Assert.That(read.Status.DesiredNumberScheduled, Is.Zero);
        Assert.That(pods.Items, Is.Empty);
    }

    private async Task<V1StatefulSet> WaitStatefulSetAsync(string name, int replicas) =>
        await Eventually.UntilAsync(
            () => _client.AppsV1.ReadNamespacedStatefulSetAsync(name, "default"),
            s => s.Status?.ObservedGeneration == s.Metadata.Generation && s.Status!.ReadyReplicas == replicas && s.Status.UpdatedReplicas == replicas,
            $"statefulset {name} to have {replicas} ready replicas");

    private static V1StatefulSet StatefulSet(string name, int replicas, string image) => new()
    {
        Metadata = new V1ObjectMeta { Name = name },
        Spec = new V1StatefulSetSpec
        {
            ServiceName = name,
            Replicas = replicas,
            Selector = new V1LabelSelector { MatchLabels = new Dictionary<string, string> { ["app"] = name } },
            Template = new V1PodTemplateSpec
            {
                Metadata = new V1ObjectMeta { Labels = new Dictionary<string, string> { ["app"] = name } },
                Spec = new V1PodSpec { Containers = [new V1Container { Name = "main", Image = image }] },
            },
        },
    };

    private static V1DaemonSet DaemonSet(string name) => new()
    {
        Metadata = new V1ObjectMeta { Name = name },
        Spec = new V1DaemonSetSpec
        {
            Selector = new V1LabelSelector { MatchLabels = new Dictionary<string, string> { ["app"] = name } },
            Template = new V1PodTemplateSpec
            {
                Metadata = new V1ObjectMeta { Labels = new Dictionary<string, string> { ["app"] = name } },
                Spec = new V1PodSpec { Containers = [new V1Container { Name = "agent", Image = "fluent-bit" }] },
            },
        },
    };
}
