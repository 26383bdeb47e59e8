using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using OciOperator.Runtime.Caching;
using OciOperator.Runtime.Discovery;
using OciOperator.Runtime.Reconciliation;
using OciOperator.Runtime.Tests.Support;

namespace OciOperator.Runtime.Tests.Discovery;

/// <summary>GVK to resource from the Sandbox's discovery documents, kept current as CRDs change.</summary>
[NonParallelizable]
public sealed class RestMapperTests
{
    private SandboxCluster _cluster = null!;

    [SetUp]
    public async Task SetUp() => _cluster = await SandboxCluster.StartAsync();

    [TearDown]
    public async Task TearDown() => await _cluster.DisposeAsync();

    public static IEnumerable<TestCaseData> BuiltIns()
    {
        yield return new TestCaseData("v1", "ConfigMap", new ResourceType(string.Empty, "v1", "ConfigMap", "configmaps")).SetName("Find_ConfigMap_NamespacedConfigmaps");
        yield return new TestCaseData("v1", "Namespace", new ResourceType(string.Empty, "v1", "Namespace", "namespaces", Namespaced: false)).SetName("Find_Namespace_ClusterScoped");
        yield return new TestCaseData("apps/v1", "Deployment", new ResourceType("apps", "v1", "Deployment", "deployments")).SetName("Find_Deployment_AppsGroup");
        yield return new TestCaseData("coordination.k8s.io/v1", "Lease", new ResourceType("coordination.k8s.io", "v1", "Lease", "leases")).SetName("Find_Lease_CoordinationGroup");
        yield return new TestCaseData("v1", "Nonsense", null).SetName("Find_UnknownKind_Null");
        yield return new TestCaseData("nowhere.example/v9", "Thing", null).SetName("Find_UnknownGroupVersion_Null");
    }

    [TestCaseSource(nameof(BuiltIns))]
    public async Task Find_Kind_MapsToResourceAndScope(string apiVersion, string kind, ResourceType? expected)
    {
        var mapper = new RestMapper(_cluster.Api, TimeProvider.System);

        var found = await mapper.FindAsync(apiVersion, kind, CancellationToken.None);

        Assert.That(found, Is.EqualTo(expected));
    }

    public static IEnumerable<TestCaseData> GroupKinds()
    {
        yield return new TestCaseData("", "ConfigMap", new ResourceType(string.Empty, "v1", "ConfigMap", "configmaps")).SetName("FindGroupKind_CoreConfigMap_V1");
        yield return new TestCaseData("apps", "Deployment", new ResourceType("apps", "v1", "Deployment", "deployments")).SetName("FindGroupKind_AppsDeployment_PreferredVersion");
        yield return new TestCaseData("apps", "Nonsense", null).SetName("FindGroupKind_UnknownKind_Null");
        yield return new TestCaseData("nowhere.example", "Thing", null).SetName("FindGroupKind_UnknownGroup_Null");
    }

    [TestCaseSource(nameof(GroupKinds))]
    public async Task FindGroupKind_GroupAndKind_MapsThroughTheGroupsVersions(string group, string kind, ResourceType? expected)
    {
        var mapper = new RestMapper(_cluster.Api, TimeProvider.System);

        var found = await mapper.FindGroupKindAsync(group, kind, CancellationToken.None);

        Assert.That(found, Is.EqualTo(expected));
    }

    [Test]
    public async Task Find_CrdCreatedAfterAMiss_FoundOnceTheMissMayBeReadAgain()
    {
        var time = new FakeTimeProvider();
        var mapper = new RestMapper(_cluster.Api, time) { MissRefreshInterval = TimeSpan.FromSeconds(1) };
        await _cluster.CreateWidgetCrdAsync();
        await _cluster.CreateGadgetCrdAsync();
        var widget = await mapper.FindAsync("test.oci.example/v1", "Widget", CancellationToken.None);

        var missing = await mapper.FindAsync("test.oci.example/v1", "Sprocket", CancellationToken.None);
        await CreateSprocketCrdAsync();
        var stillCached = await mapper.FindAsync("test.oci.example/v1", "Sprocket", CancellationToken.None);
        time.Advance(TimeSpan.FromSeconds(1));
        var found = await mapper.FindAsync("test.oci.example/v1", "Sprocket", CancellationToken.None);

        Assert.That(widget, Is.EqualTo(SandboxCluster.Widgets));
        Assert.That(missing, Is.Null);
        Assert.That(stillCached, Is.Null, "a miss is not read again at once");
        Assert.That(found, Is.EqualTo(new ResourceType("test.oci.example", "v1", "Sprocket", "sprockets", Namespaced: false)));
    }

    [Test]
    public async Task WatchCustomResourceDefinitions_CrdCreated_InvalidatesItsGroupAtOnce()
    {
        var mapper = new RestMapper(_cluster.Api, TimeProvider.System) { MissRefreshInterval = TimeSpan.FromHours(1) };
        await using var cache = new InformerCache(_cluster.Api, TimeProvider.System, NullLoggerFactory.Instance);
        using var watch = mapper.WatchCustomResourceDefinitions(cache);
        using var cts = new CancellationTokenSource();
        cache.Start(cts.Token);
        await cache.WaitForCacheSyncAsync(CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(20));
        var missing = await mapper.FindAsync("test.oci.example/v1", "Sprocket", CancellationToken.None);

        await CreateSprocketCrdAsync();
        ResourceType? found = null;
        await Eventually.WaitAsync(async () => (found = await mapper.FindAsync("test.oci.example/v1", "Sprocket", CancellationToken.None)) is not null, "the new kind is mapped");
        await cts.CancelAsync();

        Assert.That(missing, Is.Null);
        Assert.That(found?.Plural, Is.EqualTo("sprockets"));
    }

    private async Task CreateSprocketCrdAsync()
    {
        var crd = System.Text.Json.Nodes.JsonNode.Parse("""
            {
              "apiVersion": "apiextensions.k8s.io/v1",
              "kind": "CustomResourceDefinition",
              "metadata": { "name": "sprockets.test.oci.example" },
              "spec": {
                "group": "test.oci.example",
                "scope": "Cluster",
                "names": { "plural": "sprockets", "singular": "sprocket", "kind": "Sprocket", "listKind": "SprocketList" },
                "versions": [{ "name": "v1", "served": true, "storage": true, "schema": { "openAPIV3Schema": { "type": "object", "x-kubernetes-preserve-unknown-fields": true } } }]
              }
            }
            """)!.AsObject();
        await _cluster.Api.CreateAsync(RestMapper.CustomResourceDefinitions, new OciOperator.Runtime.Client.UnstructuredObject(crd), CancellationToken.None);
        await Eventually.WaitAsync(
            async () => (await _cluster.Api.GetApiResourcesAsync("test.oci.example/v1", CancellationToken.None))?.Resources.Any(r => r.Kind == "Sprocket") == true,
            "the Sprocket CRD is served");
    }
}
