using System.Text.Json.Nodes;
using k8s;
using OciOperator.Sandbox.Kube.Tests.Support;

namespace OciOperator.Sandbox.Kube.Tests;

/// <summary>Discovery documents and OpenAPI v3 as kubectl 1.32 and client-go need them.</summary>
[TestFixture]
[Parallelizable(ParallelScope.Children)]
[FixtureLifeCycle(LifeCycle.InstancePerTestCase)]
public sealed class DiscoveryAndOpenApiTests : KubeServerTest
{
    private const string AggregatedAccept =
        "application/json;g=apidiscovery.k8s.io;v=v2;as=APIGroupDiscoveryList,application/json;g=apidiscovery.k8s.io;v=v2beta1;as=APIGroupDiscoveryList,application/json";


    [Test]
    public async Task Version_ReportsSemver132()
    {
        var (code, body, _) = await Server.SendAsync(HttpMethod.Get, "/version");

        Assert.That(code, Is.EqualTo(200));
        Assert.That(body!["gitVersion"]!.GetValue<string>(), Is.EqualTo("v1.32.0"));
        Assert.That(body["minor"]!.GetValue<string>(), Is.EqualTo("32"));
    }

    [Test]
    public async Task ApiAndApis_WithAggregatedAccept_AnswerLegacyJson()
    {
        var api = await Server.SendAsync(HttpMethod.Get, "/api", accept: AggregatedAccept);
        var apis = await Server.SendAsync(HttpMethod.Get, "/apis", accept: AggregatedAccept);

        Assert.That(api.Code, Is.EqualTo(200));
        Assert.That(api.Response.Content.Headers.ContentType!.ToString(), Is.EqualTo("application/json"));
        Assert.That(api.Body!["versions"]![0]!.GetValue<string>(), Is.EqualTo("v1"));
        Assert.That(apis.Body!["kind"]!.GetValue<string>(), Is.EqualTo("APIGroupList"));
        var groups = apis.Body["groups"]!.AsArray().Select(g => g!["name"]!.GetValue<string>()).ToList();
        Assert.That(groups, Is.SupersetOf(new[] { "apps", "batch", "coordination.k8s.io", "events.k8s.io", "apiextensions.k8s.io" }));
        Assert.That(groups, Does.Not.Contain(""));
    }

    [Test]
    public async Task CoreResourceList_HasVerbsShortNamesAndStatusSubresources()
    {
        var (_, body, _) = await Server.SendAsync(HttpMethod.Get, "/api/v1");

        var resources = body!["resources"]!.AsArray().ToDictionary(r => r!["name"]!.GetValue<string>(), r => r!);
        Assert.That(resources.Keys, Is.SupersetOf(new[] { "namespaces", "secrets", "configmaps", "services", "services/status", "serviceaccounts", "pods", "pods/status", "events" }));
        Assert.That(resources["pods"]["shortNames"]![0]!.GetValue<string>(), Is.EqualTo("po"));
        Assert.That(resources["namespaces"]["namespaced"]!.GetValue<bool>(), Is.False);
        Assert.That(resources["configmaps"]["verbs"]!.AsArray().Select(v => v!.GetValue<string>()),
            Is.EquivalentTo(new[] { "create", "delete", "deletecollection", "get", "list", "patch", "update", "watch" }));
        Assert.That(resources["services/status"]["verbs"]!.AsArray().Select(v => v!.GetValue<string>()), Is.EquivalentTo(new[] { "get", "patch", "update" }));
    }

    [Test]
    public async Task OpenApiV3_PatchOperationsCarryGvkAndFieldValidation()
    {
        var (_, root, _) = await Server.SendAsync(HttpMethod.Get, "/openapi/v3");
        var url = root!["paths"]!["apis/apps/v1"]!["serverRelativeURL"]!.GetValue<string>();
        var (code, doc, response) = await Server.SendAsync(HttpMethod.Get, url);

        var patch = doc!["paths"]!["/apis/apps/v1/namespaces/{namespace}/deployments/{name}"]!["patch"]!;
        Assert.That(code, Is.EqualTo(200));
        Assert.That(response.Headers.CacheControl!.ToString(), Does.Contain("immutable"));
        Assert.That(patch["x-kubernetes-group-version-kind"]!["kind"]!.GetValue<string>(), Is.EqualTo("Deployment"));
        Assert.That(patch["parameters"]!.AsArray().Select(p => p!["name"]!.GetValue<string>()), Does.Contain("fieldValidation"));
    }

    [Test]
    public async Task OpenApiV3_CrdChange_ChangesHashAndOldHashRedirects()
    {
        await Server.SendAsync(HttpMethod.Post, "/apis/apiextensions.k8s.io/v1/customresourcedefinitions", TestManifests.WidgetCrd, "application/yaml");
        var before = await HashAsync();
        var (_, crd, _) = await Server.SendAsync(HttpMethod.Get, "/apis/apiextensions.k8s.io/v1/customresourcedefinitions/widgets.example.com");
        crd!["spec"]!["versions"]![0]!["schema"]!["openAPIV3Schema"]!["properties"]!["spec"]!["description"] = "Changed.";
        await Server.SendAsync(HttpMethod.Put, "/apis/apiextensions.k8s.io/v1/customresourcedefinitions/widgets.example.com", crd.ToJsonString());
        var after = await HashAsync();
        using var noRedirect = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false });
        var stale = await noRedirect.GetAsync(Server.Url("/openapi/v3/apis/example.com/v1?hash=" + before));

        Assert.That(after, Is.Not.EqualTo(before));
        Assert.That((int)stale.StatusCode, Is.EqualTo(301));
        Assert.That(stale.Headers.Location!.ToString(), Does.EndWith(after));
    }

    [Test]
    public async Task OpenApiV2_Json_DefinitionsOfBuiltInsInSwaggerShape()
    {
        var (code, body, _) = await Server.SendAsync(HttpMethod.Get, "/openapi/v2", accept: "application/json");

        Assert.That(code, Is.EqualTo(200));
        Assert.That(body!["swagger"]!.GetValue<string>(), Is.EqualTo("2.0"));
        var deployment = body["definitions"]!["io.k8s.api.apps.v1.Deployment"]!;
        var gvk = deployment["x-kubernetes-group-version-kind"]![0]!;
        Assert.That((gvk["group"]!.GetValue<string>(), gvk["version"]!.GetValue<string>(), gvk["kind"]!.GetValue<string>()), Is.EqualTo(("apps", "v1", "Deployment")));
        Assert.That(deployment["properties"]!["metadata"]!["$ref"]!.GetValue<string>(), Is.EqualTo("#/definitions/io.k8s.apimachinery.pkg.apis.meta.v1.ObjectMeta"));
        Assert.That(body["definitions"]!["io.k8s.apimachinery.pkg.apis.meta.v1.ObjectMeta"], Is.Not.Null);
        Assert.That(body.ToJsonString(), Does.Not.Contain("#/components/schemas/").And.Not.Contain("\"nullable\"").And.Not.Contain("\"anyOf\""));
    }

    [Test]
    public async Task OpenApiV2_ProtobufAccept_GnosticDocumentBytes()
    {
        const string proto = "application/com.github.proto-openapi.spec.v2@v1.0+protobuf";
        using var request = new HttpRequestMessage(HttpMethod.Get, Server.Url("/openapi/v2"));
        request.Headers.TryAddWithoutValidation("Accept", proto + ", application/json");

        using var response = await Server.Http.SendAsync(request);
        var bytes = await response.Content.ReadAsByteArrayAsync();

        Assert.That((int)response.StatusCode, Is.EqualTo(200));
        Assert.That(response.Content.Headers.ContentType?.MediaType, Is.EqualTo("application/com.github.proto-openapi.spec.v2.v1.0+protobuf"));
        // Field 1 (swagger) = "2.0", then field 2 (info) holding title and version.
        Assert.That(bytes.Take(5), Is.EqualTo(new byte[] { 0x0A, 3, (byte)'2', (byte)'.', (byte)'0' }));
        Assert.That(bytes[5], Is.EqualTo(0x12));
        Assert.That(bytes[6], Is.EqualTo(bytes.Length - 7));
    }

    private async Task<string> HashAsync()
    {
        var (_, root, _) = await Server.SendAsync(HttpMethod.Get, "/openapi/v3");
        var url = root!["paths"]!["apis/example.com/v1"]!["serverRelativeURL"]!.GetValue<string>();
        return url[(url.IndexOf("hash=", StringComparison.Ordinal) + 5)..];
    }

    [Test]
    public async Task Kubeconfig_WrittenFile_NamesServerAndContext()
    {
        var path = Path.Combine(Path.GetTempPath(), "sandbox-" + Guid.NewGuid().ToString("N"), "kubeconfig");
        try
        {
            await Server.Server.WriteKubeconfigAsync(path);
            var text = await File.ReadAllTextAsync(path);

            Assert.That(text, Does.Contain("server: \"" + Server.Server.BaseAddress.ToString().TrimEnd('/') + "\""));
            Assert.That(text, Does.Contain("current-context: \"sandbox\""));
            if (!OperatingSystem.IsWindows())
            {
                Assert.That(File.GetUnixFileMode(path), Is.EqualTo(UnixFileMode.UserRead | UnixFileMode.UserWrite));
            }
        }
        finally
        {
            Directory.Delete(Path.GetDirectoryName(path)!, recursive: true);
        }
    }

    [Test]
    public async Task Kubeconfig_LoadedByKubernetesClient_ListsNamespaces()
    {
        var path = Path.Combine(Path.GetTempPath(), "sandbox-" + Guid.NewGuid().ToString("N"), "kubeconfig");
        try
        {
            await Server.Server.WriteKubeconfigAsync(path);
            using var client = new k8s.Kubernetes(k8s.KubernetesClientConfiguration.BuildConfigFromConfigFile(path));

            var namespaces = await client.CoreV1.ListNamespaceAsync();

            Assert.That(namespaces.Items.Select(n => n.Metadata.Name), Does.Contain("default"));
        }
        finally
        {
            Directory.Delete(Path.GetDirectoryName(path)!, recursive: true);
        }
    }

    [Test]
    public async Task Discovery_JsonNode_ParsesAsJsonObject()
    {
        var (_, body, _) = await Server.SendAsync(HttpMethod.Get, "/apis/apps");

        Assert.That(body, Is.InstanceOf<JsonObject>());
        Assert.That(body!["preferredVersion"]!["groupVersion"]!.GetValue<string>(), Is.EqualTo("apps/v1"));
    }
}
