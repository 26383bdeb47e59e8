using k8s;
using k8s.Models;
using OciOperator.Sandbox.Kube;
using OciOperator.Sandbox.Kube.Simulators;

namespace OciOperator.Sandbox.Kube.Tests.Simulators;

/// <summary>The simulated HPA controller keeps its target within min..max and reports it, through the real KubernetesClient.</summary>
[TestFixture]
[Parallelizable(ParallelScope.Children)]
[FixtureLifeCycle(LifeCycle.InstancePerTestCase)]
public sealed class HorizontalPodAutoscalerTests : IAsyncDisposable
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

    [TestCase(1, 2, 5, 2, "TooFewReplicas")]
    [TestCase(7, 2, 5, 5, "TooManyReplicas")]
    [TestCase(3, 2, 5, 3, "DesiredWithinRange")]
    public async Task Autoscaler_TargetReplicas_KeptWithinRangeAndReported(int replicas, int min, int max, int expected, string limitedReason)
    {
        await _client.AppsV1.CreateNamespacedDeploymentAsync(DeploymentControllerTests.Deployment("web", replicas, "nginx"), "default");
        await _client.AutoscalingV2.CreateNamespacedHorizontalPodAutoscalerAsync(new V2HorizontalPodAutoscaler
        {
            Metadata = new V1ObjectMeta { Name = "web" },
            Spec = new V2HorizontalPodAutoscalerSpec
            {
                ScaleTargetRef = new V2CrossVersionObjectReference { ApiVersion = "apps/v1", Kind = "Deployment", Name = "web" },
                MinReplicas = min,
                MaxReplicas = max,
            },
        }, "default");

        var hpa = await Eventually.UntilAsync(
            () => _client.AutoscalingV2.ReadNamespacedHorizontalPodAutoscalerAsync("web", "default"),
            h => h.Status?.CurrentReplicas == expected && h.Status.DesiredReplicas == expected, "the autoscaler to settle");
        var deployment = await _client.AppsV1.ReadNamespacedDeploymentAsync("web", "default");

        Assert.That(deployment.Spec.Replicas, Is.EqualTo(expected));
        Assert.That(hpa.Status.ObservedGeneration, Is.EqualTo(hpa.Metadata.Generation));
        Assert.That(hpa.Status.Conditions.Single(c => c.Type == "AbleToScale").Status, Is.EqualTo("True"));
        Assert.That(hpa.Status.Conditions.Single(c => c.Type == "ScalingActive").Reason, Is.EqualTo("FailedGetResourceMetric"));
        Assert.That(hpa.Status.LastScaleTime is null, Is.EqualTo(replicas == expected), "lastScaleTime only when it scaled");
        if (replicas == expected)
        {
            Assert.That(hpa.Status.Conditions.Single(c => c.Type == "ScalingLimited").Reason, Is.EqualTo(limitedReason));
        }
    }
}
