using System.Text.Json.Nodes;
using k8s;
using k8s.Models;
using Microsoft.Extensions.Logging.Abstractions;
using OciOperator.Runtime.Caching;
using OciOperator.Runtime.Client;
using OciOperator.Runtime.LeaderElection;
using OciOperator.Runtime.Manager;
using OciOperator.Runtime.Metrics;
using OciOperator.Runtime.Reconciliation;
using OciOperator.Sandbox.Kube;

namespace OciOperator.Runtime.Tests.Support;

/// <summary>A Sandbox API server on loopback plus clients and manager factories for integration tests.</summary>
internal sealed class SandboxCluster : IAsyncDisposable
{
    public static readonly ResourceType ConfigMaps = new(string.Empty, "v1", "ConfigMap", "configmaps");

    public static readonly ResourceType Widgets = new("test.oci.example", "v1", "Widget", "widgets");

    public static readonly ResourceType Gadgets = new("test.oci.example", "v1", "Gadget", "gadgets");

    private readonly List<Kubernetes> _clients = [];

    private SandboxCluster(KubeApiServer server, Kubernetes client)
    {
        Server = server;
        Client = client;
        _clients.Add(client);
        Api = new KubeApiClient(client);
    }

    public KubeApiServer Server { get; }

    /// <summary>The test's own client (for arranging and checking state).</summary>
    public Kubernetes Client { get; }

    public IKubeApi Api { get; }

    public static async Task<SandboxCluster> StartAsync()
    {
        var server = await KubeApiServer.StartAsync(new KubeApiServerOptions { Random = new Random(42) }, CancellationToken.None);
        return new SandboxCluster(server, NewClient(server));
    }

    public Kubernetes NewClient()
    {
        var client = NewClient(Server);
        _clients.Add(client);
        return client;
    }

    /// <summary>A manager against this cluster, not yet started (call <c>StartAsync</c> on it).</summary>
    public ControllerManager NewManager(ControllerRuntimeOptions? options = null, RuntimeMetrics? metrics = null)
    {
        options ??= new ControllerRuntimeOptions();
        var client = NewClient();
        var api = new KubeApiClient(client);
        var cache = new InformerCache(api, TimeProvider.System, NullLoggerFactory.Instance);
        var election = options.LeaderElection ? new LeaseLeaderElection(client, options) : null;
        return new ControllerManager(api, cache, options, TimeProvider.System, NullLoggerFactory.Instance, metrics ?? new RuntimeMetrics(), election);
    }

    /// <summary>Creates the namespaced Widget CRD (spec.value, status.observed, status subresource) and waits until it is served.</summary>
    public async Task CreateWidgetCrdAsync()
    {
        var crd = JsonNode.Parse("""
            {
              "apiVersion": "apiextensions.k8s.io/v1",
              "kind": "CustomResourceDefinition",
              "metadata": { "name": "widgets.test.oci.example" },
              "spec": {
                "group": "test.oci.example",
                "scope": "Namespaced",
                "names": { "plural": "widgets", "singular": "widget", "kind": "Widget", "listKind": "WidgetList" },
                "versions": [{
                  "name": "v1", "served": true, "storage": true,
                  "subresources": { "status": {} },
                  "schema": { "openAPIV3Schema": { "type": "object", "properties": {
                    "spec": { "type": "object", "properties": { "value": { "type": "integer" } } },
                    "status": { "type": "object", "properties": { "observed": { "type": "integer" } } }
                  } } }
                }]
              }
            }
            """)!.AsObject();
        await CreateCrdAndWaitAsync(crd, Widgets);
    }

    private async Task CreateCrdAndWaitAsync(JsonObject crd, ResourceType served)
    {
        var crds = new ResourceType("apiextensions.k8s.io", "v1", "CustomResourceDefinition", "customresourcedefinitions", Namespaced: false);
        await Api.CreateAsync(crds, new UnstructuredObject(crd), CancellationToken.None);
        await Eventually.WaitAsync(
            async () =>
            {
                try
                {
                    await Api.ListAsync<UnstructuredObject>(served, new ListOptions("default"), CancellationToken.None);
                    return true;
                }
                catch (KubeApiException ex) when (ex.IsNotFound)
                {
                    return false;
                }
            },
            $"the {served.Kind} CRD is served");
    }

    /// <summary>
    /// Creates the namespaced Gadget CRD, shaped like the DbSystem's where decoding can fail: <c>spec.size</c> is
    /// an int32 with no maximum and <c>status.observedAt</c> a date-time; then waits until it is served.
    /// </summary>
    public async Task CreateGadgetCrdAsync()
    {
        var crd = JsonNode.Parse("""
            {
              "apiVersion": "apiextensions.k8s.io/v1",
              "kind": "CustomResourceDefinition",
              "metadata": { "name": "gadgets.test.oci.example" },
              "spec": {
                "group": "test.oci.example",
                "scope": "Namespaced",
                "names": { "plural": "gadgets", "singular": "gadget", "kind": "Gadget", "listKind": "GadgetList" },
                "versions": [{
                  "name": "v1", "served": true, "storage": true,
                  "subresources": { "status": {} },
                  "schema": { "openAPIV3Schema": { "type": "object", "properties": {
                    "spec": { "type": "object", "properties": { "size": { "type": "integer", "format": "int32" } } },
                    "status": { "type": "object", "properties": { "observedAt": { "type": "string", "format": "date-time" } } }
                  } } }
                }]
              }
            }
            """)!.AsObject();
        await CreateCrdAndWaitAsync(crd, Gadgets);
    }

    /// <summary>A Gadget with a raw <c>spec.size</c> (any JSON number, including ones past int32).</summary>
    public static UnstructuredObject Gadget(string name, JsonNode size, string ns = "default") =>
        new(new JsonObject
        {
            ["apiVersion"] = "test.oci.example/v1",
            ["kind"] = "Gadget",
            ["metadata"] = new JsonObject { ["name"] = name, ["namespace"] = ns },
            ["spec"] = new JsonObject { ["size"] = size },
        });

    public static UnstructuredObject Widget(string name, long value, string ns = "default") =>
        new(new JsonObject
        {
            ["apiVersion"] = "test.oci.example/v1",
            ["kind"] = "Widget",
            ["metadata"] = new JsonObject { ["name"] = name, ["namespace"] = ns },
            ["spec"] = new JsonObject { ["value"] = value },
        });

    public static V1ConfigMap ConfigMap(string name, string value, string ns = "default") =>
        new()
        {
            ApiVersion = "v1",
            Kind = "ConfigMap",
            Metadata = new V1ObjectMeta { Name = name, NamespaceProperty = ns },
            Data = new Dictionary<string, string> { ["v"] = value },
        };

    public async ValueTask DisposeAsync()
    {
        await Server.DisposeAsync();
        foreach (var client in _clients)
        {
            client.Dispose();
        }
    }

    private static Kubernetes NewClient(KubeApiServer server) =>
        new(new KubernetesClientConfiguration { Host = server.BaseAddress.ToString() });
}
