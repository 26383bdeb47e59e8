using OciOperator.Sandbox.Kube.Serialization;
using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using k8s;
using k8s.Autorest;
using k8s.Models;
using OciOperator.ResourceGraph.Crd;
using OciOperator.ResourceGraph.Tests.Support;
using OciOperator.Sandbox.Kube;

namespace OciOperator.ResourceGraph.Tests.Crd;

/// <summary>The generated CRDs are accepted by the Sandbox API server and its instances get defaults and validation.</summary>
[TestFixture]
[Parallelizable(ParallelScope.Children)]
[FixtureLifeCycle(LifeCycle.InstancePerTestCase)]
public sealed class InstanceCrdSandboxTests : IAsyncDisposable
{
    private const string Uid = "0b8a4f7e-1111-4222-8333-444455556666";

    private KubeApiServer? _server;
    private Kubernetes? _client;

    private Kubernetes Client => _client!;

    [SetUp]
    public async Task SetUp()
    {
        _server = await KubeApiServer.StartAsync(new KubeApiServerOptions());
        _client = new Kubernetes(new KubernetesClientConfiguration { Host = _server.BaseAddress.ToString() });
    }

    [TearDown]
    public async Task TearDown() => await DisposeAsync();

    public async ValueTask DisposeAsync()
    {
        _client?.Dispose();
        _client = null;
        if (_server is not null)
        {
            await _server.DisposeAsync();
            _server = null;
        }
    }

    [Test]
    public async Task CreateCrd_SeedRgd_EstablishedAndInstanceGetsDefaults()
    {
        await InstallAsync(InstanceCrdBuilder.Build(RgdSchemaReader.Read(SeedRgd.Schema()), "osok-kro-demo", Uid, "0.1.0"));
        var spec = new JsonObject
        {
            ["compartmentId"] = "ocid1.compartment.oc1..a",
            ["subnetId"] = "ocid1.subnet.oc1..b",
            ["availabilityDomain"] = "AD-1",
            ["configurationId"] = "ocid1.configuration.oc1..c",
            ["mysqlShapeName"] = "MySQL.2",
            ["mysqlAdminPassword"] = "s3cret!",
        };

        var created = await CreateAsync("kro.run", "v1alpha1", "osokkrodemoapps", Instance("kro.run/v1alpha1", "OsokKroDemoApp", "demo", spec));

        Assert.That(created["spec"]!["mysqlAdminUsername"]!.GetValue<string>(), Is.EqualTo("dbadmin"));
        Assert.That(created["spec"]!["mysqlStorageSizeInGBs"]!.GetValue<long>(), Is.EqualTo(50));
        Assert.That(created["spec"]!["compartmentId"]!.GetValue<string>(), Is.EqualTo("ocid1.compartment.oc1..a"));
    }

    [Test]
    public async Task CreateInstance_SeedRgdMissingRequiredField_Rejected()
    {
        await InstallAsync(InstanceCrdBuilder.Build(RgdSchemaReader.Read(SeedRgd.Schema()), "osok-kro-demo", Uid, "0.1.0"));

        var error = await Assert.ThrowsAsync<HttpOperationException>(() =>
            CreateAsync("kro.run", "v1alpha1", "osokkrodemoapps", Instance("kro.run/v1alpha1", "OsokKroDemoApp", "demo", new JsonObject { ["subnetId"] = "s" })));

        Assert.That(error!.Response.StatusCode, Is.EqualTo(HttpStatusCode.UnprocessableEntity));
        Assert.That(error.Response.Content, Does.Contain("compartmentId"));
    }

    [Test]
    public async Task CreateInstance_NoSpecButDefaultedFields_SpecDefaultedFromTopLevelDefault()
    {
        await InstallAsync(Build("""
            kind: WebApp
            apiVersion: v1
            group: apps.example.com
            spec:
              replicas: integer | default=2 minimum=1
              image: string | default="nginx"
              ingress:
                enabled: boolean | default=false
            """));

        var created = await CreateAsync("apps.example.com", "v1", "webapps", Instance("apps.example.com/v1", "WebApp", "site", spec: null));

        Assert.That(JsonText.Canonical(created["spec"]), Is.EqualTo(JsonText.Of("{replicas: 2, image: nginx, ingress: {enabled: false}}")));
    }

    [Test]
    public async Task CreateCrd_AllMarkerKinds_AcceptedAndEnforced()
    {
        await InstallAsync(Build("""
            kind: Policy
            apiVersion: v1alpha1
            group: example.com
            shortNames: [pol]
            types:
              Port: "integer | minimum=1 maximum=65535"
              Rule:
                name: string | required=true
                port: Port | default=80
            spec:
              tier: string | enum="gold,silver" default="silver"
              owner: string | pattern="^[a-z]+$" minLength=1 maxLength=20
              tags: "[]string | uniqueItems=true maxItems=3"
              rules: "[]Rule | listType=map listMapKey=name"
              labels: "map[string]string"
              config: object
              id: string | immutable=true
              even: integer | validation="self % 2 == 0"
              ratio: float | default=0.5
            """));

        var created = await CreateAsync("example.com", "v1alpha1", "policies", Instance("example.com/v1alpha1", "Policy", "p", new JsonObject
        {
            ["rules"] = new JsonArray(new JsonObject { ["name"] = "web" }),
            ["config"] = new JsonObject { ["anything"] = new JsonObject { ["goes"] = 1 } },
        }));
        var badEnum = await Assert.ThrowsAsync<HttpOperationException>(() =>
            CreateAsync("example.com", "v1alpha1", "policies", Instance("example.com/v1alpha1", "Policy", "q", new JsonObject { ["tier"] = "bronze" })));

        Assert.That(JsonText.Canonical(created["spec"]), Is.EqualTo(JsonText.Of(
            "{tier: silver, ratio: 0.5, rules: [{name: web, port: 80}], config: {anything: {goes: 1}}}")));
        Assert.That(badEnum!.Response.StatusCode, Is.EqualTo(HttpStatusCode.UnprocessableEntity));
    }

    [Test]
    public async Task CreateCrd_ValidationAndImmutableMarkers_RulesStoredByServer()
    {
        // The Sandbox keeps x-kubernetes-validations but does not evaluate CEL rules yet, so this checks that the
        // server accepts and stores kro's rules verbatim (evaluation is covered where the Sandbox implements it).
        await InstallAsync(Build("""
            kind: Counter
            apiVersion: v1
            spec:
              even: integer | validation="self % 2 == 0"
              id: string | immutable=true
            """));

        var stored = await Client.ApiextensionsV1.ReadCustomResourceDefinitionAsync("counters.kro.run");
        var spec = stored.Spec.Versions[0].Schema.OpenAPIV3Schema.Properties["spec"];

        var even = spec.Properties["even"].XKubernetesValidations.Select(r => (r.Rule, r.Message));
        var id = spec.Properties["id"].XKubernetesValidations.Select(r => (r.Rule, r.Message));
        Assert.That(even, Is.EqualTo(new[] { ("self % 2 == 0", "validation failed") }));
        Assert.That(id, Is.EqualTo(new[] { ("self == oldSelf", "field is immutable") }));
    }

    private static JsonObject Build(string schemaYaml) =>
        InstanceCrdBuilder.Build(RgdSchemaReader.Read(YamlToJson.Parse(schemaYaml)), "test-rgd", Uid, "0.1.0");

    private static JsonObject Instance(string apiVersion, string kind, string name, JsonObject? spec)
    {
        var instance = new JsonObject
        {
            ["apiVersion"] = apiVersion,
            ["kind"] = kind,
            ["metadata"] = new JsonObject { ["name"] = name },
        };
        if (spec is not null)
        {
            instance["spec"] = spec;
        }

        return instance;
    }

    private async Task InstallAsync(JsonObject crd)
    {
        var model = KubernetesJson.Deserialize<V1CustomResourceDefinition>(crd.ToJsonString());
        await Client.ApiextensionsV1.CreateCustomResourceDefinitionAsync(model);
        var deadline = DateTimeOffset.UtcNow.AddSeconds(20);
        while (true)
        {
            var current = await Client.ApiextensionsV1.ReadCustomResourceDefinitionAsync(model.Metadata.Name);
            if (current.Status?.Conditions?.Any(c => c.Type == "Established" && c.Status == "True") == true)
            {
                return;
            }

            if (DateTimeOffset.UtcNow > deadline)
            {
                Assert.Fail($"CRD {model.Metadata.Name} was not Established within 20 s");
            }

            await Task.Delay(20);
        }
    }

    private async Task<JsonNode> CreateAsync(string group, string version, string plural, JsonObject instance)
    {
        var result = await Client.CustomObjects.CreateNamespacedCustomObjectAsync(instance, group, version, "default", plural);
        return JsonNode.Parse(JsonSerializer.Serialize(result))!;
    }
}
