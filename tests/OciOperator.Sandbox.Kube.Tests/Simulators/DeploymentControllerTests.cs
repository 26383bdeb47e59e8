using k8s;
using k8s.Models;
using OciOperator.Sandbox.Kube;
using OciOperator.Sandbox.Kube.Simulators;

namespace OciOperator.Sandbox.Kube.Tests.Simulators;

/// <summary>
/// Deployments make ReplicaSets and Pods as the real controllers do, checked with the real KubernetesClient over
/// HTTP: hash-named ReplicaSets with owner references and revisions, owned Pods that become ready, rolling
/// updates, scaling to zero and garbage collection.
/// </summary>
[TestFixture]
[Parallelizable(ParallelScope.Children)]
[FixtureLifeCycle(LifeCycle.InstancePerTestCase)]
public sealed class DeploymentControllerTests : IAsyncDisposable
{
    private static readonly SimulatorOptions Fast = new()
    {
        Jobs = false,
        LoadBalancers = false,
        DeploymentRolloutDelay = TimeSpan.FromMilliseconds(50),
    };

    private KubeApiServer _server = null!;
    private Kubernetes _client = null!;
    private WorkloadSimulators _simulators = null!;

    [SetUp]
    public async Task SetUp()
    {
        _server = await KubeApiServer.StartAsync(new KubeApiServerOptions());
        _client = new Kubernetes(new KubernetesClientConfiguration { Host = _server.BaseAddress.ToString() });
        _simulators = WorkloadSimulators.Start(_server.BaseAddress, Fast);
    }

    [TearDown]
    public async Task TearDown() => await DisposeAsync();

    public async ValueTask DisposeAsync()
    {
        if (_simulators is not null)
        {
            await _simulators.DisposeAsync();
            _client.Dispose();
            await _server.DisposeAsync();
            _simulators = null!;
        }
    }

    [Test]
    public async Task Create_Deployment_ReplicaSetAndPodsOwnedAndLabelled()
    {
        var deployment = await _client.AppsV1.CreateNamespacedDeploymentAsync(Deployment("web", 3, "nginx:1"), "default");
        var ready = await WaitRolledOutAsync("web", 3);

        var rs = (await _client.AppsV1.ListNamespacedReplicaSetAsync("default")).Items.Single();
        var pods = (await _client.CoreV1.ListNamespacedPodAsync("default")).Items;
        var hash = rs.Metadata.Labels["pod-template-hash"];

        Assert.That(rs.Metadata.Name, Is.EqualTo("web-" + hash));
        Assert.That(hash, Does.Match("^[bcdfghjklmnpqrstvwxz2456789]+$"));
        Assert.That(rs.Spec.Selector.MatchLabels, Is.EquivalentTo(new Dictionary<string, string> { ["app"] = "web", ["pod-template-hash"] = hash }));
        Assert.That(rs.Spec.Template.Metadata.Labels["pod-template-hash"], Is.EqualTo(hash));
        Assert.That(rs.Spec.Replicas, Is.EqualTo(3));
        var owner = rs.Metadata.OwnerReferences.Single();
        Assert.That((owner.Kind, owner.Name, owner.Uid, owner.Controller, owner.BlockOwnerDeletion), Is.EqualTo(("Deployment", "web", deployment.Metadata.Uid, (bool?)true, (bool?)true)));
        Assert.That(rs.Metadata.Annotations["deployment.kubernetes.io/revision"], Is.EqualTo("1"));
        Assert.That(ready.Metadata.Annotations["deployment.kubernetes.io/revision"], Is.EqualTo("1"));
        Assert.That(ready.Metadata.Generation, Is.EqualTo(1), "the revision annotation is written through /status and bumps no generation");
        Assert.That(rs.Status.ReadyReplicas, Is.EqualTo(3));
        Assert.That(pods, Has.Count.EqualTo(3));
        Assert.That(pods.Select(p => p.Metadata.Name), Has.All.Match("^web-" + hash + "-[bcdfghjklmnpqrstvwxz2456789]{5}$"));
        Assert.That(pods.Select(p => p.Metadata.OwnerReferences.Single().Uid), Has.All.EqualTo(rs.Metadata.Uid));
        Assert.That(pods.Select(p => p.Status.Phase), Has.All.EqualTo("Running"));
        Assert.That(pods.Select(p => p.Status.Conditions.Single(c => c.Type == "Ready").Status), Has.All.EqualTo("True"));
        Assert.That(ready.Status.Conditions.Select(c => (c.Type, c.Reason)), Is.EquivalentTo(new[]
        {
            ("Available", "MinimumReplicasAvailable"), ("Progressing", "NewReplicaSetAvailable"),
        }));
    }

    [Test]
    public async Task Update_TemplateChanged_NewReplicaSetScaledUpOldScaledDown()
    {
        await _client.AppsV1.CreateNamespacedDeploymentAsync(Deployment("web", 2, "nginx:1"), "default");
        await WaitRolledOutAsync("web", 2);
        var first = (await _client.AppsV1.ListNamespacedReplicaSetAsync("default")).Items.Single();

        await SetImageAsync("web", "nginx:2");
        var rolled = await WaitRolledOutAsync("web", 2);
        var sets = (await _client.AppsV1.ListNamespacedReplicaSetAsync("default")).Items;
        var second = sets.Single(s => s.Metadata.Uid != first.Metadata.Uid);
        var old = sets.Single(s => s.Metadata.Uid == first.Metadata.Uid);
        var pods = (await _client.CoreV1.ListNamespacedPodAsync("default")).Items;

        Assert.That(second.Metadata.Annotations["deployment.kubernetes.io/revision"], Is.EqualTo("2"));
        Assert.That(rolled.Metadata.Annotations["deployment.kubernetes.io/revision"], Is.EqualTo("2"));
        Assert.That(old.Spec.Replicas, Is.EqualTo(0));
        Assert.That(second.Spec.Replicas, Is.EqualTo(2));
        Assert.That(pods.Select(p => p.Spec.Containers[0].Image), Has.All.EqualTo("nginx:2"));
        Assert.That(pods.Select(p => p.Metadata.OwnerReferences[0].Uid), Has.All.EqualTo(second.Metadata.Uid));
    }

    [Test]
    public async Task Update_TemplateRestored_OldReplicaSetTakesNextRevision()
    {
        await _client.AppsV1.CreateNamespacedDeploymentAsync(Deployment("web", 1, "nginx:1"), "default");
        await WaitRolledOutAsync("web", 1);
        var first = (await _client.AppsV1.ListNamespacedReplicaSetAsync("default")).Items.Single();
        await SetImageAsync("web", "nginx:2");
        await WaitRolledOutAsync("web", 1);

        await SetImageAsync("web", "nginx:1");
        var back = await WaitRolledOutAsync("web", 1);
        var sets = (await _client.AppsV1.ListNamespacedReplicaSetAsync("default")).Items;

        Assert.That(sets, Has.Count.EqualTo(2), "the first ReplicaSet is reused, not duplicated");
        var reused = sets.Single(s => s.Metadata.Uid == first.Metadata.Uid);
        Assert.That(reused.Metadata.Annotations["deployment.kubernetes.io/revision"], Is.EqualTo("3"));
        Assert.That(reused.Spec.Replicas, Is.EqualTo(1));
        Assert.That(back.Metadata.Annotations["deployment.kubernetes.io/revision"], Is.EqualTo("3"));
    }

    [Test]
    public async Task Scale_ToZero_DeletesEveryPod()
    {
        await _client.AppsV1.CreateNamespacedDeploymentAsync(Deployment("web", 3, "nginx:1"), "default");
        await WaitRolledOutAsync("web", 3);

        await _client.AppsV1.PatchNamespacedDeploymentScaleAsync(new V1Patch("""{"spec":{"replicas":0}}""", V1Patch.PatchType.MergePatch), "web", "default");
        var scaled = await Eventually.UntilAsync(
            () => _client.AppsV1.ReadNamespacedDeploymentAsync("web", "default"),
            d => d.Status?.ObservedGeneration == d.Metadata.Generation && d.Status!.Replicas is null or 0, "the deployment to scale to zero");
        var pods = await Eventually.UntilAsync(() => _client.CoreV1.ListNamespacedPodAsync("default"), l => l.Items.Count == 0, "the pods to go");
        var rs = (await _client.AppsV1.ListNamespacedReplicaSetAsync("default")).Items.Single();

        Assert.That(pods.Items, Is.Empty);
        Assert.That(rs.Spec.Replicas, Is.EqualTo(0));
        Assert.That(scaled.Status.Conditions.Single(c => c.Type == "Available").Status, Is.EqualTo("True"));
    }

    [TestCase("Background")]
    [TestCase("Foreground")]
    public async Task Delete_Deployment_ReplicaSetsAndPodsCollected(string propagation)
    {
        await _client.AppsV1.CreateNamespacedDeploymentAsync(Deployment("web", 2, "nginx:1"), "default");
        await WaitRolledOutAsync("web", 2);

        await _client.AppsV1.DeleteNamespacedDeploymentAsync("web", "default", new V1DeleteOptions { PropagationPolicy = propagation });
        var sets = await Eventually.UntilAsync(() => _client.AppsV1.ListNamespacedReplicaSetAsync("default"), l => l.Items.Count == 0, "the replica sets to go");
        var pods = await Eventually.UntilAsync(() => _client.CoreV1.ListNamespacedPodAsync("default"), l => l.Items.Count == 0, "the pods to go");

        Assert.That(sets.Items, Is.Empty);
        Assert.That(pods.Items, Is.Empty);
    }

    [Test]
    public async Task Delete_Orphan_ReplicaSetAndPodsStay()
    {
        await _client.AppsV1.CreateNamespacedDeploymentAsync(Deployment("web", 2, "nginx:1"), "default");
        await WaitRolledOutAsync("web", 2);

        await _client.AppsV1.DeleteNamespacedDeploymentAsync("web", "default", new V1DeleteOptions { PropagationPolicy = "Orphan" });
        var rs = await Eventually.UntilAsync(
            () => _client.AppsV1.ListNamespacedReplicaSetAsync("default"),
            l => l.Items.Count == 1 && (l.Items[0].Metadata.OwnerReferences is null || l.Items[0].Metadata.OwnerReferences.Count == 0),
            "the replica set to be orphaned");
        var pods = await _client.CoreV1.ListNamespacedPodAsync("default");

        Assert.That(rs.Items, Has.Count.EqualTo(1));
        Assert.That(pods.Items, Has.Count.EqualTo(2));
    }

    [Test]
    public async Task Create_RecreateStrategy_OldPodsGoBeforeNewOnesStart()
    {
        var deployment = Deployment("web", 2, "nginx:1");
        deployment.Spec.Strategy = new V1DeploymentStrategy { Type = "Recreate" };
        await _client.AppsV1.CreateNamespacedDeploymentAsync(deployment, "default");
        await WaitRolledOutAsync("web", 2);

        await SetImageAsync("web", "nginx:2");
        await WaitRolledOutAsync("web", 2);
        var sets = (await _client.AppsV1.ListNamespacedReplicaSetAsync("default")).Items;
        var pods = (await _client.CoreV1.ListNamespacedPodAsync("default")).Items;

        Assert.That(sets.Select(s => s.Spec.Replicas ?? 0).OrderBy(r => r), Is.EqualTo(new[] { 0, 2 }));
        Assert.That(pods.Select(p => p.Spec.Containers[0].Image), Has.All.EqualTo("nginx:2"));
    }

    private async Task SetImageAsync(string name, string image)
    {
        var patch = "{\"spec\":{\"template\":{\"spec\":{\"containers\":[{\"name\":\"web\",\"image\":\"" + image + "\"}]}}}}";
        await _client.AppsV1.PatchNamespacedDeploymentAsync(new V1Patch(patch, V1Patch.PatchType.StrategicMergePatch), name, "default");
    }

    /// <summary>kubectl's own test: observed, every replica updated and available, no old replica left.</summary>
    private async Task<V1Deployment> WaitRolledOutAsync(string name, int replicas) =>
        await Eventually.UntilAsync(
            () => _client.AppsV1.ReadNamespacedDeploymentAsync(name, "default"),
            d => d.Status?.ObservedGeneration >= d.Metadata.Generation && d.Status.UpdatedReplicas == replicas
                 && d.Status.Replicas == replicas && d.Status.AvailableReplicas == replicas && d.Status.ReadyReplicas == replicas,
            $"deployment {name} to roll out {replicas} replicas");

    internal static V1Deployment Deployment(string name, int replicas, string image) => new()
    {
        Metadata = new V1ObjectMeta { Name = name },
        Spec = new V1DeploymentSpec
        {
            Replicas = replicas,
            Selector = new V1LabelSelector { MatchLabels = new Dictionary<string, string> { ["app"] = name } },
            Template = new V1PodTemplateSpec
            {
                Metadata = new V1ObjectMeta { Labels = new Dictionary<string, string> { ["app"] = name } },
                Spec = new V1PodSpec { Containers = [new V1Container { Name = "web", Image = image }] },
            },
        },
    };
}
