using System.Collections.Concurrent;
using OciOperator.Sandbox.Kube;
using OciOperator.Sandbox.Kube.Tests.Support;

namespace OciOperator.Sandbox.Kube.Tests;

/// <summary>
/// The request observer (<see cref="KubeApiServerOptions.RequestObserver"/>): each resource request is reported once
/// with the caller's user agent and the verb, group, resource, subresource, namespace and name an RBAC authorizer
/// sees; requests that name no resource (discovery) are not.
/// </summary>
[TestFixture]
[Parallelizable(ParallelScope.Children)]
public sealed class RequestObserverTests
{
    private const string ConfigMaps = "/api/v1/namespaces/default/configmaps";

    private static IEnumerable<TestCaseData> Requests()
    {
        yield return Case("Observer_ListRequest_VerbList", "GET", ConfigMaps, new("agent", "list", "", "configmaps", null, "default", null));
        yield return Case("Observer_WatchRequest_VerbWatch", "GET", ConfigMaps + "?watch=true&timeoutSeconds=1", new("agent", "watch", "", "configmaps", null, "default", null));
        yield return Case("Observer_GetRequest_VerbGetWithName", "GET", ConfigMaps + "/a", new("agent", "get", "", "configmaps", null, "default", "a"));
        yield return Case("Observer_PostRequest_VerbCreate", "POST", ConfigMaps, new("agent", "create", "", "configmaps", null, "default", null));
        yield return Case("Observer_PutRequest_VerbUpdate", "PUT", ConfigMaps + "/a", new("agent", "update", "", "configmaps", null, "default", "a"));
        yield return Case("Observer_PatchRequest_VerbPatch", "PATCH", ConfigMaps + "/a", new("agent", "patch", "", "configmaps", null, "default", "a"));
        yield return Case("Observer_DeleteRequest_VerbDelete", "DELETE", ConfigMaps + "/a", new("agent", "delete", "", "configmaps", null, "default", "a"));
        yield return Case("Observer_DeleteCollection_VerbDeleteCollection", "DELETE", ConfigMaps, new("agent", "deletecollection", "", "configmaps", null, "default", null));
        yield return Case("Observer_StatusSubresource_GroupAndSubresource", "GET", "/apis/apps/v1/namespaces/default/deployments/web/status", new("agent", "get", "apps", "deployments", "status", "default", "web"));
        yield return Case("Observer_ClusterScoped_NoNamespace", "GET", "/api/v1/namespaces", new("agent", "list", "", "namespaces", null, null, null));
    }

    [TestCaseSource(nameof(Requests))]
    public async Task<ApiRequestRecord?> Observer_ResourceRequest_ReportedOnceAsAuthorizerSeesIt(string method, string path)
    {
        var seen = new ConcurrentQueue<ApiRequestRecord>();
        await using var server = await KubeTestServer.StartAsync(new KubeApiServerOptions { RequestObserver = seen.Enqueue });
        server.Http.DefaultRequestHeaders.UserAgent.ParseAdd("agent/1.0");
        var body = method is "POST" or "PUT" or "PATCH" ? "{\"metadata\":{\"name\":\"a\"}}" : null;

        await server.SendAsync(new HttpMethod(method), path, body, method == "PATCH" ? "application/merge-patch+json" : "application/json");

        Assert.That(seen, Has.Count.EqualTo(1));
        var record = seen.Single();
        return record with { UserAgent = record.UserAgent.Split('/')[0] };
    }

    [Test]
    public async Task Observer_DiscoveryRequest_NotReported()
    {
        var seen = new ConcurrentQueue<ApiRequestRecord>();
        await using var server = await KubeTestServer.StartAsync(new KubeApiServerOptions { RequestObserver = seen.Enqueue });

        var (code, _, _) = await server.SendAsync(HttpMethod.Get, "/api/v1");

        Assert.That(code, Is.EqualTo(200));
        Assert.That(seen, Is.Empty);
    }

    [Test]
    public async Task InjectedFaults_CountedByKind()
    {
        await using var server = await KubeTestServer.StartAsync(new KubeApiServerOptions { Random = new Random(3) });
        server.Server.Faults.WriteConflictRatio = 1;
        await server.SendAsync(HttpMethod.Post, ConfigMaps, "{\"metadata\":{\"name\":\"a\"}}");
        await server.SendAsync(HttpMethod.Post, ConfigMaps, "{\"metadata\":{\"name\":\"b\"}}");
        server.Server.Faults.WriteConflictRatio = 0;
        server.Server.Faults.WriteErrorRatio = 1;
        await server.SendAsync(HttpMethod.Post, ConfigMaps, "{\"metadata\":{\"name\":\"c\"}}");

        Assert.That((server.Server.Faults.InjectedConflicts, server.Server.Faults.InjectedErrors), Is.EqualTo((2L, 1L)));
    }

    private static TestCaseData Case(string name, string method, string path, ApiRequestRecord expected) =>
        new TestCaseData(method, path).Returns(expected).SetName(name);
}
