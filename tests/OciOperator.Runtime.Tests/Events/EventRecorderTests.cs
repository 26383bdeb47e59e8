using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using OciOperator.Runtime.Client;
using OciOperator.Runtime.Events;
using OciOperator.Runtime.Tests.Support;

namespace OciOperator.Runtime.Tests.Events;

/// <summary>The event recorder against the Sandbox.</summary>
[NonParallelizable]
public sealed class EventRecorderTests
{
    private SandboxCluster _cluster = null!;

    [SetUp]
    public async Task SetUp()
    {
        _cluster = await SandboxCluster.StartAsync();
        await _cluster.CreateWidgetCrdAsync();
    }

    [TearDown]
    public async Task TearDown() => await _cluster.DisposeAsync();

    [Test]
    public async Task Record_RepeatedEvent_OneEventsV1ObjectWithSeriesCount()
    {
        var owner = await _cluster.Api.CreateAsync(SandboxCluster.Widgets, SandboxCluster.Widget("noisy", 1), CancellationToken.None);
        var recorder = new EventRecorder(_cluster.Api, "oci.oracle.com/runtime-test", "test-1", new FakeTimeProvider(DateTimeOffset.UtcNow), NullLogger<EventRecorder>.Instance);

        for (var i = 0; i < 3; i++)
        {
            await recorder.RecordAsync(owner, EventRecorder.Warning, "Failed", "Reconcile", "the thing failed", CancellationToken.None);
        }

        var events = await _cluster.Api.ListAsync<UnstructuredObject>(EventRecorder.EventsV1, new ListOptions("default"), CancellationToken.None);
        var mine = events.Items.Where(e => e["regarding"]?["name"]?.GetValue<string>() == "noisy").ToList();
        Assert.That(recorder.UsesCoreEvents, Is.False);
        Assert.That(mine, Has.Count.EqualTo(1));
        Assert.That(mine[0]["series"]?["count"]?.GetValue<int>(), Is.EqualTo(3));
        Assert.That(mine[0]["reason"]?.GetValue<string>(), Is.EqualTo("Failed"));
    }
}
