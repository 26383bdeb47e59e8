using k8s;
using k8s.Models;
using Microsoft.Extensions.Time.Testing;
using OciOperator.Sandbox.Kube;
using OciOperator.Sandbox.Kube.Simulators;

namespace OciOperator.Sandbox.Kube.Tests.Simulators;

/// <summary>The simulated CronJob controller on a fake clock, through the real KubernetesClient.</summary>
[TestFixture]
[Parallelizable(ParallelScope.Children)]
[FixtureLifeCycle(LifeCycle.InstancePerTestCase)]
public sealed class CronJobTests : IAsyncDisposable
{
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2030, 5, 1, 8, 0, 30, TimeSpan.Zero));
    private KubeApiServer _server = null!;
    private Kubernetes _client = null!;
    private WorkloadSimulators? _simulators;

    [SetUp]
    public async Task SetUp()
    {
        _server = await KubeApiServer.StartAsync(new KubeApiServerOptions { TimeProvider = _clock });
        _client = new Kubernetes(new KubernetesClientConfiguration { Host = _server.BaseAddress.ToString() });
        _simulators = WorkloadSimulators.Start(_server.BaseAddress, new SimulatorOptions
        {
            Deployments = false,
            LoadBalancers = false,
            JobDuration = TimeSpan.FromSeconds(10),
            TimeProvider = _clock,
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
    public async Task CronJob_ScheduleDue_CreatesOwnedJobAndRecordsLastScheduleTime()
    {
        var cj = await _client.BatchV1.CreateNamespacedCronJobAsync(CronJob("report", "*/5 * * * *"), "default");
        await WaitForControllerAsync();
        var before = await _client.BatchV1.ListNamespacedJobAsync("default");

        _clock.Advance(TimeSpan.FromMinutes(5));
        var job = (await Eventually.UntilAsync(() => _client.BatchV1.ListNamespacedJobAsync("default"), l => l.Items.Count == 1, "the scheduled job")).Items[0];
        var status = await Eventually.UntilAsync(
            () => _client.BatchV1.ReadNamespacedCronJobAsync("report", "default"), c => c.Status?.LastScheduleTime is not null, "lastScheduleTime");

        Assert.That(before.Items, Is.Empty, "nothing before the first scheduled time");
        var scheduled = new DateTime(2030, 5, 1, 8, 5, 0, DateTimeKind.Utc);
        Assert.That(job.Metadata.Name, Is.EqualTo("report-" + (new DateTimeOffset(scheduled).ToUnixTimeSeconds() / 60)));
        Assert.That(job.Metadata.OwnerReferences.Single().Uid, Is.EqualTo(cj.Metadata.Uid));
        Assert.That(job.Metadata.Annotations["batch.kubernetes.io/cronjob-scheduled-timestamp"], Is.EqualTo("2030-05-01T08:05:00Z"));
        Assert.That(status.Status.LastScheduleTime, Is.EqualTo(scheduled));
        Assert.That(status.Status.Active.Single().Name, Is.EqualTo(job.Metadata.Name));
    }

    [Test]
    public async Task CronJob_JobFinishes_LastSuccessfulTimeAndNoLongerActive()
    {
        await _client.BatchV1.CreateNamespacedCronJobAsync(CronJob("report", "@hourly"), "default");
        await WaitForControllerAsync();

        _clock.Advance(TimeSpan.FromHours(1));
        await Eventually.UntilAsync(() => _client.BatchV1.ListNamespacedJobAsync("default"), l => l.Items.Any(j => j.Status?.StartTime is not null), "the job to start");
        _clock.Advance(TimeSpan.FromSeconds(10));
        var done = await Eventually.UntilAsync(
            () => _client.BatchV1.ReadNamespacedCronJobAsync("report", "default"),
            c => c.Status?.LastSuccessfulTime is not null && (c.Status.Active is null || c.Status.Active.Count == 0), "the cron job to record success");

        Assert.That(done.Status.LastScheduleTime, Is.EqualTo(new DateTime(2030, 5, 1, 9, 0, 0, DateTimeKind.Utc)));
        Assert.That(done.Status.LastSuccessfulTime, Is.GreaterThanOrEqualTo(done.Status.LastScheduleTime));
    }

    [Test]
    public async Task CronJob_Suspended_NoJobs()
    {
        var cj = CronJob("report", "* * * * *");
        cj.Spec.Suspend = true;
        await _client.BatchV1.CreateNamespacedCronJobAsync(cj, "default");
        await WaitForControllerAsync();

        _clock.Advance(TimeSpan.FromMinutes(3));
        await WaitForControllerAsync();
        var jobs = await _client.BatchV1.ListNamespacedJobAsync("default");

        Assert.That(jobs.Items, Is.Empty);
    }

    /// <summary>A marker Job the Job simulator starts proves the simulators have seen everything created before it.</summary>
    private async Task WaitForControllerAsync()
    {
        var name = "marker-" + Guid.NewGuid().ToString("N")[..8];
        await _client.BatchV1.CreateNamespacedJobAsync(new V1Job
        {
            Metadata = new V1ObjectMeta { Name = name },
            Spec = new V1JobSpec { Template = new V1PodTemplateSpec { Spec = new V1PodSpec { RestartPolicy = "Never", Containers = [new V1Container { Name = "c", Image = "busybox" }] } } },
        }, "default");
        await Eventually.UntilAsync(() => _client.BatchV1.ReadNamespacedJobAsync(name, "default"), j => j.Status?.StartTime is not null, "the marker job");
        await _client.BatchV1.DeleteNamespacedJobAsync(name, "default");
        await Eventually.UntilAsync(() => _client.BatchV1.ListNamespacedJobAsync("default"), l => l.Items.All(j => j.Metadata.Name != name), "the marker to go");
    }

    private static V1CronJob CronJob(string name, string schedule) => new()
    {
        Metadata = new V1ObjectMeta { Name = name },
        Spec = new V1CronJobSpec
        {
            Schedule = schedule,
            JobTemplate = new V1JobTemplateSpec
            {
                Spec = new V1JobSpec
                {
                    Template = new V1PodTemplateSpec
                    {
                        Spec = new V1PodSpec { RestartPolicy = "Never", Containers = [new V1Container { Name = "main", Image = "busybox" }] },
                    },
                },
            },
        },
    };
}
