using k8s;
using k8s.Models;
using Microsoft.Extensions.Time.Testing;
using OciOperator.Sandbox.Kube;
using OciOperator.Sandbox.Kube.Simulators;

namespace OciOperator.Sandbox.Kube.Tests.Simulators;

/// <summary>The simulators against a real Sandbox API server over HTTP, driven with the KubernetesClient.</summary>
public sealed class WorkloadSimulatorsIntegrationTests
{
    private static readonly SimulatorOptions Fast = new()
    {
        JobDuration = TimeSpan.FromMilliseconds(300),
        DeploymentRolloutDelay = TimeSpan.FromMilliseconds(150),
        LoadBalancerDelay = TimeSpan.FromMilliseconds(100),
        LoadBalancerAddressPool = "203.0.113.0/29",
    };

    private KubeApiServer _server = null!;
    private Kubernetes _client = null!;

    [SetUp]
    public async Task SetUp()
    {
        _server = await KubeApiServer.StartAsync(new KubeApiServerOptions { Random = new Random(7) });
        _client = new Kubernetes(new KubernetesClientConfiguration { Host = _server.BaseAddress.ToString() });
    }

    [TearDown]
    public async Task TearDown()
    {
        _client.Dispose();
        await _server.DisposeAsync();
    }

    [Test]
    public async Task Job_Created_RunsAndSucceeds()
    {
        await using var simulators = WorkloadSimulators.Start(_server.BaseAddress, Fast);

        await _client.BatchV1.CreateNamespacedJobAsync(Job("migrate"), "default");
        var job = await Eventually.UntilAsync(
            () => _client.BatchV1.ReadNamespacedJobAsync("migrate", "default"),
            j => j.Status?.Succeeded == 1, "the job to succeed");

        Assert.That(job.Status.StartTime, Is.Not.Null);
        Assert.That(job.Status.CompletionTime, Is.GreaterThanOrEqualTo(job.Status.StartTime));
        Assert.That(job.Status.Active, Is.Null);
        Assert.That(job.Status.Conditions.Single(c => c.Type == "Complete").Status, Is.EqualTo("True"));
    }

    [Test]
    public async Task Deployment_CreatedThenScaled_BecomesReadyEachTime()
    {
        await using var simulators = WorkloadSimulators.Start(_server.BaseAddress, Fast);

        await _client.AppsV1.CreateNamespacedDeploymentAsync(Deployment("web", 2), "default");
        var ready = await WaitReadyAsync("web", 2);
        var patch = new V1Patch("""{"spec":{"replicas":5}}""", V1Patch.PatchType.MergePatch);
        await _client.AppsV1.PatchNamespacedDeploymentAsync(patch, "web", "default");
        var scaled = await WaitReadyAsync("web", 5);

        Assert.That(ready.Status.AvailableReplicas, Is.EqualTo(2));
        Assert.That(scaled.Status.ObservedGeneration, Is.EqualTo(scaled.Metadata.Generation));
        Assert.That(scaled.Status.UpdatedReplicas, Is.EqualTo(5));
        Assert.That(scaled.Status.Conditions.Single(c => c.Type == "Available").Status, Is.EqualTo("True"));
        Assert.That(scaled.Status.Conditions.Single(c => c.Type == "Progressing").Reason, Is.EqualTo("NewReplicaSetAvailable"));
    }

    [Test]
    public async Task LoadBalancerServices_GetUniqueAddresses_ReleasedOnDelete()
    {
        await using var simulators = WorkloadSimulators.Start(_server.BaseAddress, Fast);

        await _client.CoreV1.CreateNamespacedServiceAsync(Service("a"), "default");
        var a = await WaitIpAsync("a");
        await _client.CoreV1.CreateNamespacedServiceAsync(Service("b"), "default");
        var b = await WaitIpAsync("b");
        await _client.CoreV1.DeleteNamespacedServiceAsync("a", "default");
        await Eventually.UntilAsync(
            async () => (await _client.CoreV1.ListNamespacedServiceAsync("default", fieldSelector: "metadata.name=a")).Items.Count,
            n => n == 0, "service a to be deleted");
        await _client.CoreV1.CreateNamespacedServiceAsync(Service("c"), "default");
        var c = await WaitIpAsync("c");

        Assert.That((a, b), Is.EqualTo(("203.0.113.1", "203.0.113.2")));
        Assert.That(c, Is.EqualTo("203.0.113.1"), "the deleted service's address is reused");
    }

    [Test]
    public async Task Simulators_UnderConflictsErrorsAndWatchDrops_StillConverge()
    {
        _server.Faults.WriteConflictRatio = 0.3;
        _server.Faults.WriteErrorRatio = 0.2;
        _server.Faults.CloseWatchesEvery = TimeSpan.FromMilliseconds(250);
        await using var simulators = WorkloadSimulators.Start(_server.BaseAddress, Fast);

        await CreateWithRetryAsync(() => _client.BatchV1.CreateNamespacedJobAsync(Job("j"), "default"));
        await CreateWithRetryAsync(() => _client.AppsV1.CreateNamespacedDeploymentAsync(Deployment("d", 3), "default"));
        await CreateWithRetryAsync(() => _client.CoreV1.CreateNamespacedServiceAsync(Service("s"), "default"));
        _server.Faults.CompactHistory();

        await Eventually.UntilAsync(() => _client.BatchV1.ReadNamespacedJobAsync("j", "default"), j => j.Status?.Succeeded == 1, "the job to succeed");
        await WaitReadyAsync("d", 3);
        Assert.That(await WaitIpAsync("s"), Is.EqualTo("203.0.113.1"));
        var deployment = await _client.AppsV1.ReadNamespacedDeploymentAsync("d", "default");
        Assert.That(deployment.Status.CollisionCount ?? 0, Is.Zero, "a refused ReplicaSet create is retried, not taken for a hash collision");
        var replicaSets = await _client.AppsV1.ListNamespacedReplicaSetAsync("default");
        Assert.That(replicaSets.Items.Where(rs => rs.Metadata.OwnerReferences?.Any(o => o.Name == "d") == true), Has.Exactly(1).Items);
    }

    [Test]
    public async Task Job_WithFakeClock_CompletesOnlyWhenItsDurationHasPassed()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2030, 5, 1, 8, 0, 0, TimeSpan.Zero));
        await using var simulators = WorkloadSimulators.Start(_server.BaseAddress, new SimulatorOptions
        {
            JobDuration = TimeSpan.FromHours(1),
            Deployments = false,
            LoadBalancers = false,
            TimeProvider = clock,
        });

        await _client.BatchV1.CreateNamespacedJobAsync(Job("nightly"), "default");
        var running = await Eventually.UntilAsync(
            () => _client.BatchV1.ReadNamespacedJobAsync("nightly", "default"), j => j.Status?.StartTime is not null, "the job to start");
        clock.Advance(TimeSpan.FromMinutes(59));
        var stillRunning = await _client.BatchV1.ReadNamespacedJobAsync("nightly", "default");
        clock.Advance(TimeSpan.FromMinutes(1));
        var done = await Eventually.UntilAsync(
            () => _client.BatchV1.ReadNamespacedJobAsync("nightly", "default"), j => j.Status?.Succeeded == 1, "the job to succeed");

        Assert.That(running.Status.Active, Is.EqualTo(1));
        Assert.That(running.Status.StartTime, Is.EqualTo(new DateTime(2030, 5, 1, 8, 0, 0, DateTimeKind.Utc)));
        Assert.That(stillRunning.Status.Succeeded, Is.Null);
        Assert.That(done.Status.CompletionTime, Is.EqualTo(new DateTime(2030, 5, 1, 9, 0, 0, DateTimeKind.Utc)));
    }

    [Test]
    public async Task Simulators_AgainstServerWithBearerToken_AuthenticateAndWork()
    {
        await using var secured = await KubeApiServer.StartAsync(new KubeApiServerOptions { BearerToken = "sim-token" });
        using var client = new Kubernetes(new KubernetesClientConfiguration { Host = secured.BaseAddress.ToString(), AccessToken = "sim-token" });
        await using var simulators = WorkloadSimulators.Start(secured.BaseAddress, Fast, bearerToken: "sim-token");

        await client.BatchV1.CreateNamespacedJobAsync(Job("secure"), "default");
        var job = await Eventually.UntilAsync(
            () => client.BatchV1.ReadNamespacedJobAsync("secure", "default"), j => j.Status?.Succeeded == 1, "the job to succeed");

        Assert.That(job.Status.Conditions.Single(c => c.Type == "Complete").Status, Is.EqualTo("True"));
    }

    [Test]
    public async Task Simulators_JobsSwitchedOff_LeaveJobsAlone()
    {
        await using var simulators = WorkloadSimulators.Start(_server.BaseAddress, new SimulatorOptions
        {
            Jobs = false,
            DeploymentRolloutDelay = TimeSpan.FromMilliseconds(50),
            LoadBalancers = false,
        });

        await _client.BatchV1.CreateNamespacedJobAsync(Job("idle"), "default");
        await _client.AppsV1.CreateNamespacedDeploymentAsync(Deployment("after", 1), "default");
        await WaitReadyAsync("after", 1);
        var job = await _client.BatchV1.ReadNamespacedJobAsync("idle", "default");

        Assert.That(job.Status?.StartTime, Is.Null);
    }

    private async Task<V1Deployment> WaitReadyAsync(string name, int replicas) =>
        await Eventually.UntilAsync(
            () => _client.AppsV1.ReadNamespacedDeploymentAsync(name, "default"),
            d => d.Status?.ReadyReplicas == replicas && d.Status.AvailableReplicas == replicas && d.Status.ObservedGeneration == d.Metadata.Generation,
            $"deployment {name} to have {replicas} ready replicas");

    private async Task<string> WaitIpAsync(string name)
    {
        var service = await Eventually.UntilAsync(
            () => _client.CoreV1.ReadNamespacedServiceAsync(name, "default"),
            s => s.Status?.LoadBalancer?.Ingress?.FirstOrDefault()?.Ip is not null,
            $"service {name} to get a load-balancer address");
        return service.Status.LoadBalancer.Ingress[0].Ip;
    }

    /// <summary>Creates through injected write faults: retries 409/5xx, accepts "already exists" from a retried success.</summary>
    private static async Task CreateWithRetryAsync(Func<Task> create)
    {
        for (var attempt = 0; ; attempt++)
        {
            try
            {
                await create();
                return;
            }
            catch (k8s.Autorest.HttpOperationException ex) when (attempt < 50 && (int)ex.Response.StatusCode is 409 or 500 or 503)
            {
                if (ex.Response.Content?.Contains("AlreadyExists", StringComparison.Ordinal) == true)
                {
                    return;
                }
            }
        }
    }

    private static V1Job Job(string name) => new()
    {
        Metadata = new V1ObjectMeta { Name = name },
        Spec = new V1JobSpec
        {
            Template = new V1PodTemplateSpec
            {
                Spec = new V1PodSpec
                {
                    RestartPolicy = "Never",
                    Containers = [new V1Container { Name = "main", Image = "busybox" }],
                },
            },
        },
    };

    private static V1Deployment Deployment(string name, int replicas) => new()
    {
        Metadata = new V1ObjectMeta { Name = name },
        Spec = new V1DeploymentSpec
        {
            Replicas = replicas,
            Selector = new V1LabelSelector { MatchLabels = new Dictionary<string, string> { ["app"] = name } },
            Template = new V1PodTemplateSpec
            {
                Metadata = new V1ObjectMeta { Labels = new Dictionary<string, string> { ["app"] = name } },
                Spec = new V1PodSpec { Containers = [new V1Container { Name = "web", Image = "nginx" }] },
            },
        },
    };

    private static V1Service Service(string name) => new()
    {
        Metadata = new V1ObjectMeta { Name = name },
        Spec = new V1ServiceSpec
        {
            Type = "LoadBalancer",
            Selector = new Dictionary<string, string> { ["app"] = name },
            Ports = [new V1ServicePort { Port = 80 }],
        },
    };
}
