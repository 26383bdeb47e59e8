using k8s;
using k8s.Autorest;
using k8s.Models;
using Microsoft.Extensions.Time.Testing;
using OciOperator.Sandbox.Kube;
using OciOperator.Sandbox.Kube.Tests.Support;

namespace OciOperator.Sandbox.Kube.Tests;

/// <summary>
/// History compacted by time (issue 13), through the real KubernetesClient: a watch or a list continuation from a
/// resourceVersion older than the window gets 410 Expired with the real server's message, and the client recovers
/// by relisting or by the inconsistent continue token the Status carries.
/// </summary>
[TestFixture]
[Parallelizable(ParallelScope.Children)]
[FixtureLifeCycle(LifeCycle.InstancePerTestCase)]
public sealed class ClientHistoryWindowTests : KubeServerTest
{
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2030, 1, 1, 0, 0, 0, TimeSpan.Zero));

    protected override KubeApiServerOptions? ServerOptions => new() { TimeProvider = _clock };

    private Task<V1ConfigMap> CreateAsync(string name) =>
        Client.CoreV1.CreateNamespacedConfigMapAsync(new V1ConfigMap { Metadata = new V1ObjectMeta { Name = name } }, "default");

    [Test]
    public async Task Watch_FromResourceVersionOlderThanFiveMinutes_410ThenRelistRecovers()
    {
        var old = await CreateAsync("a");
        await CreateAsync("b");
        _clock.Advance(TimeSpan.FromMinutes(4));
        await using (var fresh = await WatchLines.OpenAsync(Server, $"/api/v1/namespaces/default/configmaps?watch=true&resourceVersion={old.Metadata.ResourceVersion}"))
        {
            Assert.That((await fresh.NextAsync())!["type"]!.GetValue<string>(), Is.EqualTo("ADDED"), "four minutes old is still in the history");
        }

        _clock.Advance(TimeSpan.FromMinutes(2));
        await CreateAsync("c");
        await using var watch = await WatchLines.OpenAsync(Server, $"/api/v1/namespaces/default/configmaps?watch=true&resourceVersion={old.Metadata.ResourceVersion}");
        var error = await watch.NextAsync();
        var relist = await Client.CoreV1.ListNamespacedConfigMapAsync("default");
        await using var resumed = await WatchLines.OpenAsync(Server, $"/api/v1/namespaces/default/configmaps?watch=true&resourceVersion={relist.Metadata.ResourceVersion}");
        await CreateAsync("d");
        var added = await resumed.NextOfAsync("ADDED", "d");

        Assert.That(error!["type"]!.GetValue<string>(), Is.EqualTo("ERROR"));
        Assert.That(error["object"]!["code"]!.GetValue<int>(), Is.EqualTo(410));
        Assert.That(error["object"]!["reason"]!.GetValue<string>(), Is.EqualTo("Expired"));
        Assert.That(error["object"]!["message"]!.GetValue<string>(), Does.StartWith("too old resource version: " + old.Metadata.ResourceVersion));
        Assert.That(relist.Items.Select(i => i.Metadata.Name), Is.EqualTo(new[] { "a", "b", "c" }));
        Assert.That(added["object"]!["metadata"]!["name"]!.GetValue<string>(), Is.EqualTo("d"));
    }

    [Test]
    public async Task ListContinue_TokenOlderThanWindow_410WithInconsistentContinue()
    {
        await CreateAsync("a");
        await CreateAsync("b");
        var page = await Client.CoreV1.ListNamespacedConfigMapAsync("default", limit: 1);
        await CreateAsync("c");
        _clock.Advance(TimeSpan.FromMinutes(6));
        await CreateAsync("d");

        var error = await Assert.ThrowsAsync<HttpOperationException>(() => Client.CoreV1.ListNamespacedConfigMapAsync("default", limit: 1, continueParameter: page.Metadata.ContinueProperty));
        var status = System.Text.Json.Nodes.JsonNode.Parse(error!.Response.Content)!;
        var rest = await Client.CoreV1.ListNamespacedConfigMapAsync("default", continueParameter: status["metadata"]!["continue"]!.GetValue<string>());

        Assert.That((int)error.Response.StatusCode, Is.EqualTo(410));
        Assert.That(status["reason"]!.GetValue<string>(), Is.EqualTo("Expired"));
        Assert.That(status["message"]!.GetValue<string>(), Does.StartWith("The provided continue parameter is too old to display a consistent list result."));
        Assert.That(rest.Items.Select(i => i.Metadata.Name), Is.EqualTo(new[] { "b", "c", "d" }), "the inconsistent continuation lists from the current state");
    }

    [Test]
    public async Task ListContinue_WithinWindow_Works()
    {
        await CreateAsync("a");
        await CreateAsync("b");
        var page = await Client.CoreV1.ListNamespacedConfigMapAsync("default", limit: 1);
        _clock.Advance(TimeSpan.FromMinutes(4));
        await CreateAsync("c");

        var rest = await Client.CoreV1.ListNamespacedConfigMapAsync("default", continueParameter: page.Metadata.ContinueProperty);

        Assert.That(rest.Items.Select(i => i.Metadata.Name), Does.Contain("b"));
    }
}
