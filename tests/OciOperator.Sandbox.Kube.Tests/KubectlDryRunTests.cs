using OciOperator.Sandbox.Kube.Tests.Support;

namespace OciOperator.Sandbox.Kube.Tests;

/// <summary>
/// <c>--dry-run=server</c> with the real kubectl, for every verb that writes: the answer looks like the real write,
/// but nothing is persisted (the resourceVersion does not move) and no watch sees an event.
/// </summary>
[TestFixture]
[Parallelizable(ParallelScope.Children)]
[FixtureLifeCycle(LifeCycle.InstancePerTestCase)]
public sealed class KubectlDryRunTests : KubectlFixture
{
    private const string ConfigMaps = """
        apiVersion: v1
        kind: ConfigMap
        metadata:
          name: keep-a
          labels: {app: dry}
        data: {k: "1"}
        ---
        apiVersion: v1
        kind: ConfigMap
        metadata:
          name: keep-b
          labels: {app: dry}
        data: {k: "2"}
        """;

    private async Task<string> ResourceVersionAsync()
    {
        var (_, list, _) = await Server.SendAsync(HttpMethod.Get, "/api/v1/namespaces/default/configmaps");
        return list!["metadata"]!["resourceVersion"]!.GetValue<string>();
    }

    private async Task<KubectlResult> Ok(params string[] args)
    {
        var result = await Kubectl.RunAsync(args);
        Assert.That(result.ExitCode, Is.EqualTo(0), result.ToString());
        return result;
    }

    private static IEnumerable<TestCaseData> Verbs()
    {
        yield return new TestCaseData((object)new[] { "delete", "configmap", "keep-a", "--dry-run=server" }).SetName("Delete_DryRunServer_NothingChanges");
        yield return new TestCaseData((object)new[] { "delete", "configmaps", "--all", "--dry-run=server" }).SetName("DeleteAll_DryRunServer_NothingChanges");
        yield return new TestCaseData((object)new[] { "delete", "configmaps", "-l", "app=dry", "--dry-run=server" }).SetName("DeleteBySelector_DryRunServer_NothingChanges");
        yield return new TestCaseData((object)new[] { "create", "configmap", "new-one", "--from-literal=a=b", "--dry-run=server" }).SetName("Create_DryRunServer_NothingChanges");
        yield return new TestCaseData((object)new[] { "patch", "configmap", "keep-a", "-p", "{\"data\":{\"k\":\"patched\"}}", "--dry-run=server" }).SetName("Patch_DryRunServer_NothingChanges");
        yield return new TestCaseData((object)new[] { "label", "configmap", "keep-a", "extra=yes", "--dry-run=server" }).SetName("Label_DryRunServer_NothingChanges");
        yield return new TestCaseData((object)new[] { "create", "service", "clusterip", "dry-svc", "--tcp=80:8080", "--dry-run=server" }).SetName("CreateService_DryRunServer_NothingChanges");
        yield return new TestCaseData((object)new[] { "delete", "namespace", "default", "--dry-run=server" }).SetName("DeleteNamespace_DryRunServer_NothingChanges");
    }

    [TestCaseSource(nameof(Verbs))]
    public async Task Verb_DryRunServer_NothingPersistedNoWatchEvent(string[] args)
    {
        await Ok("apply", "-f", Kubectl.WriteFile("cms.yaml", ConfigMaps));
        var before = await ResourceVersionAsync();
        await using var watch = await WatchLines.OpenAsync(Server, "/api/v1/namespaces/default/configmaps?watch=true&resourceVersion=" + before);
        await using var nsWatch = await WatchLines.OpenAsync(Server, "/api/v1/namespaces?watch=true&resourceVersion=" + before);

        await Ok(args);
        var after = await ResourceVersionAsync();
        var data = await Ok("get", "configmap", "keep-a", "-o", "jsonpath={.data.k}/{.metadata.labels.extra}");
        var names = await Ok("get", "configmaps,services", "-o", "name");
        var phase = await Ok("get", "namespace", "default", "-o", "jsonpath={.status.phase}");

        Assert.That(after, Is.EqualTo(before), "a dry run persists nothing");
        Assert.That(data.Stdout, Is.EqualTo("1/"));
        Assert.That(names.Stdout, Does.Contain("configmap/keep-a").And.Contain("configmap/keep-b").And.Not.Contain("new-one").And.Not.Contain("dry-svc"));
        Assert.That(phase.Stdout, Is.EqualTo("Active"));
        Assert.That(await NextOrNullAsync(watch), Is.Null, "no watch event");
        Assert.That(await NextOrNullAsync(nsWatch), Is.Null, "no watch event");
    }

    [Test]
    public async Task ApplyPrune_DryRunServer_NothingPruned()
    {
        await Ok("apply", "-f", Kubectl.WriteFile("cms.yaml", ConfigMaps));
        var onlyA = Kubectl.WriteFile("a.yaml", ConfigMaps.Split("---")[0]);
        var before = await ResourceVersionAsync();

        var pruned = await Ok("apply", "-f", onlyA, "--prune", "-l", "app=dry", "--prune-allowlist=core/v1/ConfigMap", "--dry-run=server");
        var names = await Ok("get", "configmaps", "-o", "name");

        Assert.That(pruned.Stdout, Does.Contain("keep-b pruned (server dry run)"));
        Assert.That(names.Stdout, Does.Contain("configmap/keep-b"));
        Assert.That(await ResourceVersionAsync(), Is.EqualTo(before));
    }

    [Test]
    public async Task Delete_DryRunInBodyOnly_NothingDeleted()
    {
        await Ok("apply", "-f", Kubectl.WriteFile("cms.yaml", ConfigMaps));

        var (code, _, _) = await Server.SendAsync(HttpMethod.Delete, "/api/v1/namespaces/default/configmaps/keep-a",
            "{\"kind\":\"DeleteOptions\",\"apiVersion\":\"v1\",\"dryRun\":[\"All\"]}");
        var (get, _, _) = await Server.SendAsync(HttpMethod.Get, "/api/v1/namespaces/default/configmaps/keep-a");

        Assert.That(code, Is.EqualTo(200));
        Assert.That(get, Is.EqualTo(200));
    }

    [Test]
    public async Task Delete_UnknownDryRunValueInBody_422()
    {
        await Ok("apply", "-f", Kubectl.WriteFile("cms.yaml", ConfigMaps));

        var (code, status, _) = await Server.SendAsync(HttpMethod.Delete, "/api/v1/namespaces/default/configmaps/keep-a", "{\"dryRun\":[\"Some\"]}");
        var (get, _, _) = await Server.SendAsync(HttpMethod.Get, "/api/v1/namespaces/default/configmaps/keep-a");

        Assert.That(code, Is.EqualTo(422), status?.ToJsonString());
        Assert.That(get, Is.EqualTo(200));
    }

    [Test]
    public async Task CreateService_DryRunServerTwice_SameClusterIpFreeForTheRealCreate()
    {
        var first = await Ok("create", "service", "clusterip", "s", "--tcp=80:8080", "--dry-run=server", "-o", "jsonpath={.spec.clusterIP}");
        var real = await Ok("create", "service", "clusterip", "s", "--tcp=80:8080", "-o", "jsonpath={.spec.clusterIP}");

        Assert.That(real.Stdout, Is.EqualTo(first.Stdout), "the dry run's address went back to the pool");
    }

    private static async Task<string?> NextOrNullAsync(WatchLines watch)
    {
        try
        {
            return (await watch.NextAsync(TimeSpan.FromMilliseconds(300)))?.ToJsonString();
        }
        catch (OperationCanceledException)
        {
            return null;
        }
    }
}
