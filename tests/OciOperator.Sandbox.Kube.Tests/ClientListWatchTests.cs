using System.Net;
using k8s;
using k8s.Models;
using OciOperator.Sandbox.Kube;
using OciOperator.Sandbox.Kube.Tests.Support;

namespace OciOperator.Sandbox.Kube.Tests;

/// <summary>List and watch: selectors, limit/continue, resourceVersion semantics, bookmarks, 410 relist, timeouts.</summary>
[TestFixture]
[Parallelizable(ParallelScope.Children)]
[FixtureLifeCycle(LifeCycle.InstancePerTestCase)]
public sealed class ClientListWatchTests : KubeServerTest
{
    protected override KubeApiServerOptions? ServerOptions => new KubeApiServerOptions { BookmarkInterval = TimeSpan.FromMilliseconds(200) };


    private Task<V1ConfigMap> CreateAsync(string name, Dictionary<string, string>? labels = null) =>
        Client.CoreV1.CreateNamespacedConfigMapAsync(new V1ConfigMap { Metadata = new V1ObjectMeta { Name = name, Labels = labels } }, "default");

    private static IEnumerable<TestCaseData> LabelSelectorCases()
    {
        yield return new TestCaseData("env=prod", new[] { "a", "c" }).SetName("LabelSelector_Equals_MatchesValue");
        yield return new TestCaseData("env==prod", new[] { "a", "c" }).SetName("LabelSelector_DoubleEquals_MatchesValue");
        yield return new TestCaseData("env!=prod", new[] { "b", "d" }).SetName("LabelSelector_NotEquals_IncludesMissingKey");
        yield return new TestCaseData("env in (dev,test)", new[] { "b" }).SetName("LabelSelector_In_MatchesAnyValue");
        yield return new TestCaseData("env notin (prod)", new[] { "b", "d" }).SetName("LabelSelector_NotIn_IncludesMissingKey");
        yield return new TestCaseData("tier", new[] { "c" }).SetName("LabelSelector_Exists_MatchesKey");
        yield return new TestCaseData("!env", new[] { "d" }).SetName("LabelSelector_NotExists_MatchesMissingKey");
        yield return new TestCaseData("env=prod,tier=web", new[] { "c" }).SetName("LabelSelector_Comma_IsAnd");
    }

    [TestCaseSource(nameof(LabelSelectorCases))]
    public async Task List_WithLabelSelector_ReturnsMatches(string selector, string[] expected)
    {
        await CreateAsync("a", new() { ["env"] = "prod" });
        await CreateAsync("b", new() { ["env"] = "dev" });
        await CreateAsync("c", new() { ["env"] = "prod", ["tier"] = "web" });
        await CreateAsync("d");

        var list = await Client.CoreV1.ListNamespacedConfigMapAsync("default", labelSelector: selector);

        Assert.That(list.Items.Select(i => i.Metadata.Name), Is.EqualTo(expected));
    }

    [Test]
    public async Task List_WithFieldSelectors_FiltersByNameAndRejectsUnknownField()
    {
        await CreateAsync("a");
        await CreateAsync("b");

        var byName = await Client.CoreV1.ListConfigMapForAllNamespacesAsync(fieldSelector: "metadata.name=b,metadata.namespace=default");
        var notName = await Client.CoreV1.ListNamespacedConfigMapAsync("default", fieldSelector: "metadata.name!=b");
        var status = await ApiAssert.FailsAsync(() => Client.CoreV1.ListNamespacedConfigMapAsync("default", fieldSelector: "spec.x=1"), HttpStatusCode.BadRequest);

        Assert.That(byName.Items.Select(i => i.Metadata.Name), Is.EqualTo(new[] { "b" }));
        Assert.That(notName.Items.Select(i => i.Metadata.Name), Is.EqualTo(new[] { "a" }));
        Assert.That(status["message"]!.GetValue<string>(), Is.EqualTo("\"spec.x\" is not a known field selector: only \"metadata.name\", \"metadata.namespace\""));
    }

    [Test]
    public async Task List_WithLimitAndContinue_PagesThroughEverything()
    {
        foreach (var name in new[] { "a", "b", "c", "d", "e" })
        {
            await CreateAsync(name);
        }

        var names = new List<string>();
        string? token = null;
        var pages = 0;
        do
        {
            var page = await Client.CoreV1.ListNamespacedConfigMapAsync("default", limit: 2, continueParameter: token);
            names.AddRange(page.Items.Select(i => i.Metadata.Name));
            if (pages == 0)
            {
                Assert.That(page.Metadata.RemainingItemCount, Is.EqualTo(3));
            }

            token = page.Metadata.ContinueProperty;
            pages++;
        }
        while (!string.IsNullOrEmpty(token));

        Assert.That(names, Is.EqualTo(new[] { "a", "b", "c", "d", "e" }));
        Assert.That(pages, Is.EqualTo(3));
    }

    [Test]
    public async Task Watch_FromListResourceVersion_DeliversAddedModifiedDeleted()
    {
        var list = await Client.CoreV1.ListNamespacedConfigMapAsync("default");
        await using var watch = await WatchLines.OpenAsync(Server, $"/api/v1/namespaces/default/configmaps?watch=true&resourceVersion={list.Metadata.ResourceVersion}");

        await CreateAsync("w");
        await Client.CoreV1.PatchNamespacedConfigMapAsync(new V1Patch("{\"data\":{\"k\":\"v\"}}", V1Patch.PatchType.MergePatch), "w", "default");
        await Client.CoreV1.DeleteNamespacedConfigMapAsync("w", "default");

        var types = new List<string>();
        for (var i = 0; i < 3; i++)
        {
            var e = await watch.NextAsync();
            types.Add(e!["type"]!.GetValue<string>());
            Assert.That(e["object"]!["kind"]!.GetValue<string>(), Is.EqualTo("ConfigMap"));
        }

        Assert.That(types, Is.EqualTo(new[] { "ADDED", "MODIFIED", "DELETED" }));
    }

    [Test]
    public async Task Watch_WithoutResourceVersion_StartsWithSyntheticAdded()
    {
        await CreateAsync("existing");

        await using var watch = await WatchLines.OpenAsync(Server, "/api/v1/namespaces/default/configmaps?watch=true&resourceVersion=0");
        var first = await watch.NextAsync();

        Assert.That(first!["type"]!.GetValue<string>(), Is.EqualTo("ADDED"));
        Assert.That(first["object"]!["metadata"]!["name"]!.GetValue<string>(), Is.EqualTo("existing"));
    }

    [Test]
    public async Task Watch_WithBookmarks_SendsBookmarkWithCurrentResourceVersion()
    {
        var created = await CreateAsync("a");

        await using var watch = await WatchLines.OpenAsync(Server,
            $"/api/v1/namespaces/default/configmaps?watch=true&allowWatchBookmarks=true&resourceVersion={created.Metadata.ResourceVersion}");
        var bookmark = await watch.NextOfAsync("BOOKMARK");

        Assert.That(bookmark["object"]!["kind"]!.GetValue<string>(), Is.EqualTo("ConfigMap"));
        Assert.That(long.Parse(bookmark["object"]!["metadata"]!["resourceVersion"]!.GetValue<string>(), System.Globalization.CultureInfo.InvariantCulture),
            Is.GreaterThanOrEqualTo(long.Parse(created.Metadata.ResourceVersion, System.Globalization.CultureInfo.InvariantCulture)));
    }

    [Test]
    public async Task Watch_AfterHistoryCompacted_ErrorEvent410ThenRelistWorks()
    {
        var old = await CreateAsync("a");
        await CreateAsync("b");
        Server.Server.Faults.CompactHistory();

        await using var watch = await WatchLines.OpenAsync(Server, $"/api/v1/namespaces/default/configmaps?watch=true&resourceVersion={old.Metadata.ResourceVersion}");
        var error = await watch.NextAsync();
        var end = await watch.NextAsync();
        var relist = await Client.CoreV1.ListNamespacedConfigMapAsync("default");

        Assert.That(watch.StatusCode, Is.EqualTo(200));
        Assert.That(error!["type"]!.GetValue<string>(), Is.EqualTo("ERROR"));
        Assert.That(error["object"]!["code"]!.GetValue<int>(), Is.EqualTo(410));
        Assert.That(error["object"]!["reason"]!.GetValue<string>(), Is.EqualTo("Expired"));
        Assert.That(error["object"]!["message"]!.GetValue<string>(), Does.StartWith("too old resource version: " + old.Metadata.ResourceVersion));
        Assert.That(end, Is.Null);
        Assert.That(relist.Items.Select(i => i.Metadata.Name), Is.EqualTo(new[] { "a", "b" }));
    }

    [Test]
    public async Task Watch_HistoryLimitExceeded_OldResourceVersionExpires()
    {
        await using var small = await KubeTestServer.StartAsync(new KubeApiServerOptions { WatchHistoryLimit = 2 });
        var first = await small.Client.CoreV1.CreateNamespacedConfigMapAsync(new V1ConfigMap { Metadata = new V1ObjectMeta { Name = "a" } }, "default");
        for (var i = 0; i < 3; i++)
        {
            await small.Client.CoreV1.CreateNamespacedConfigMapAsync(new V1ConfigMap { Metadata = new V1ObjectMeta { Name = "n" + i } }, "default");
        }

        await using var watch = await WatchLines.OpenAsync(small, $"/api/v1/namespaces/default/configmaps?watch=true&resourceVersion={first.Metadata.ResourceVersion}");
        var error = await watch.NextAsync();

        Assert.That(error!["type"]!.GetValue<string>(), Is.EqualTo("ERROR"));
        Assert.That(error["object"]!["code"]!.GetValue<int>(), Is.EqualTo(410));
    }

    [Test]
    public async Task Watch_LabelSelector_ObjectLeavingSelectorIsDeleted()
    {
        var list = await Client.CoreV1.ListNamespacedConfigMapAsync("default");
        await using var watch = await WatchLines.OpenAsync(Server,
            $"/api/v1/namespaces/default/configmaps?watch=true&labelSelector=app%3Dx&resourceVersion={list.Metadata.ResourceVersion}");

        await CreateAsync("other");
        await CreateAsync("m", new() { ["app"] = "x" });
        await Client.CoreV1.PatchNamespacedConfigMapAsync(new V1Patch("{\"metadata\":{\"labels\":{\"app\":\"y\"}}}", V1Patch.PatchType.MergePatch), "m", "default");

        var added = await watch.NextAsync();
        var left = await watch.NextAsync();
        Assert.That(added!["type"]!.GetValue<string>(), Is.EqualTo("ADDED"));
        Assert.That(added["object"]!["metadata"]!["name"]!.GetValue<string>(), Is.EqualTo("m"));
        Assert.That(left!["type"]!.GetValue<string>(), Is.EqualTo("DELETED"));
    }

    [Test]
    public async Task Watch_TimeoutSeconds_EndsStreamCleanly()
    {
        await using var watch = await WatchLines.OpenAsync(Server, "/api/v1/namespaces/default/configmaps?watch=true&timeoutSeconds=1");

        var next = await watch.NextAsync(TimeSpan.FromSeconds(15));

        Assert.That(next, Is.Null);
    }

    [Test]
    public async Task Watch_KubernetesClient_ReceivesTypedEvents()
    {
        var list = await Client.CoreV1.ListNamespacedConfigMapAsync("default");
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        var events = new List<(WatchEventType, string)>();
        var watching = Task.Run(async () =>
        {
#pragma warning disable CS0618 // WatchAsync on the list response is the client's documented watch entry point.
            var response = Client.CoreV1.ListNamespacedConfigMapWithHttpMessagesAsync(
                "default", watch: true, allowWatchBookmarks: true, resourceVersion: list.Metadata.ResourceVersion, cancellationToken: cts.Token);
            await foreach (var (type, item) in response.WatchAsync<V1ConfigMap, V1ConfigMapList>(cancellationToken: cts.Token))
#pragma warning restore CS0618
            {
                if (type == WatchEventType.Bookmark)
                {
                    continue;
                }

                events.Add((type, item.Metadata.Name));
                if (type == WatchEventType.Deleted)
                {
                    return;
                }
            }
        });

        await CreateAsync("typed");
        await Client.CoreV1.DeleteNamespacedConfigMapAsync("typed", "default");
        await watching;

        Assert.That(events, Is.EqualTo(new[] { (WatchEventType.Added, "typed"), (WatchEventType.Deleted, "typed") }));
    }

    [Test]
    public async Task Watch_TableAccept_FirstEventCarriesColumns()
    {
        await CreateAsync("t");

        await using var watch = await WatchLines.OpenAsync(Server, "/api/v1/namespaces/default/configmaps?watch=true",
            "application/json;as=Table;v=v1;g=meta.k8s.io,application/json");
        var first = await watch.NextAsync();

        Assert.That(first!["object"]!["kind"]!.GetValue<string>(), Is.EqualTo("Table"));
        Assert.That(first["object"]!["columnDefinitions"]!.AsArray(), Is.Not.Empty);
        Assert.That(first["object"]!["rows"]![0]!["cells"]![0]!.GetValue<string>(), Is.EqualTo("t"));
    }
}
