using System.Net;
using k8s;
using k8s.Models;
using Microsoft.Extensions.Time.Testing;
using OciOperator.Sandbox.Kube;
using OciOperator.Sandbox.Kube.Tests.Support;

namespace OciOperator.Sandbox.Kube.Tests;

/// <summary>The SandboxFaults switches: write conflicts and errors, latency, closed watches, compacted history.</summary>
[TestFixture]
[Parallelizable(ParallelScope.Children)]
public sealed class FaultInjectionTests
{
    private static V1ConfigMap ConfigMap(string name) => new() { Metadata = new V1ObjectMeta { Name = name } };

    [Test]
    public async Task WriteConflictRatio_One_EveryWriteConflictsReadsStillWork()
    {
        await using var server = await KubeTestServer.StartAsync();
        server.Server.Faults.WriteConflictRatio = 1;

        var status = await ApiAssert.FailsAsync(() => server.Client.CoreV1.CreateNamespacedConfigMapAsync(ConfigMap("a"), "default"), HttpStatusCode.Conflict);
        var list = await server.Client.CoreV1.ListNamespacedConfigMapAsync("default");
        server.Server.Faults.WriteConflictRatio = 0;
        var created = await server.Client.CoreV1.CreateNamespacedConfigMapAsync(ConfigMap("a"), "default");

        Assert.That(status["reason"]!.GetValue<string>(), Is.EqualTo("Conflict"));
        Assert.That(list.Items, Is.Empty);
        Assert.That(created.Metadata.Name, Is.EqualTo("a"));
    }

    [Test]
    public async Task WriteErrorRatio_One_Alternates503And500()
    {
        await using var server = await KubeTestServer.StartAsync(new KubeApiServerOptions { Random = new Random(7) });
        server.Server.Faults.WriteErrorRatio = 1;

        var first = await server.SendAsync(HttpMethod.Post, "/api/v1/namespaces/default/configmaps", "{\"metadata\":{\"name\":\"a\"}}");
        var second = await server.SendAsync(HttpMethod.Post, "/api/v1/namespaces/default/configmaps", "{\"metadata\":{\"name\":\"a\"}}");

        Assert.That(new[] { first.Code, second.Code }, Is.EquivalentTo(new[] { 500, 503 }));
        Assert.That(first.Body!["kind"]!.GetValue<string>(), Is.EqualTo("Status"));
    }

    [Test]
    public async Task WriteConflictRatio_Half_SomeWritesFailSomeSucceed()
    {
        await using var server = await KubeTestServer.StartAsync(new KubeApiServerOptions { Random = new Random(42) });
        server.Server.Faults.WriteConflictRatio = 0.5;

        var codes = new List<int>();
        for (var i = 0; i < 40; i++)
        {
            codes.Add((await server.SendAsync(HttpMethod.Post, "/api/v1/namespaces/default/configmaps", $"{{\"metadata\":{{\"name\":\"c{i}\"}}}}")).Code);
        }

        Assert.That(codes, Does.Contain(201));
        Assert.That(codes, Does.Contain(409));
        Assert.That(codes.All(c => c is 201 or 409), Is.True);
    }

    [Test]
    public async Task Latency_DelaysRequestUntilTimeAdvances()
    {
        var time = new FakeTimeProvider(DateTimeOffset.Parse("2025-01-01T12:00:00Z", System.Globalization.CultureInfo.InvariantCulture));
        await using var server = await KubeTestServer.StartAsync(new KubeApiServerOptions { TimeProvider = time });
        server.Server.Faults.Latency = TimeSpan.FromSeconds(5);

        var pending = server.SendAsync(HttpMethod.Get, "/version");
        var finishedEarly = await Eventually.TrueAsync(() => Task.FromResult(pending.IsCompleted), TimeSpan.FromMilliseconds(300));
        await Eventually.TrueAsync(() =>
        {
            time.Advance(TimeSpan.FromSeconds(5));
            return Task.FromResult(pending.IsCompleted);
        });
        var (code, _, _) = await pending;

        Assert.That(finishedEarly, Is.False);
        Assert.That(code, Is.EqualTo(200));
    }

    [Test]
    public async Task CloseWatchesEvery_ServerEndsWatchStream()
    {
        await using var server = await KubeTestServer.StartAsync();
        server.Server.Faults.CloseWatchesEvery = TimeSpan.FromMilliseconds(300);

        await using var watch = await WatchLines.OpenAsync(server, "/api/v1/namespaces/default/configmaps?watch=true&resourceVersion=1");
        var next = await watch.NextAsync(TimeSpan.FromSeconds(15));

        Assert.That(next, Is.Null);
    }

    [Test]
    public async Task CreationTimestamp_ComesFromTimeProvider()
    {
        var time = new FakeTimeProvider(DateTimeOffset.Parse("2025-01-01T12:00:00Z", System.Globalization.CultureInfo.InvariantCulture));
        await using var server = await KubeTestServer.StartAsync(new KubeApiServerOptions { TimeProvider = time });

        var (_, body, _) = await server.SendAsync(HttpMethod.Post, "/api/v1/namespaces/default/configmaps", "{\"metadata\":{\"name\":\"t\"}}");

        Assert.That(body!["metadata"]!["creationTimestamp"]!.GetValue<string>(), Is.EqualTo("2025-01-01T12:00:00Z"));
    }
}
