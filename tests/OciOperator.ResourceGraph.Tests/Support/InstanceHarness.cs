using System.Net.Http.Json;
using System.Text.Json.Nodes;
using k8s;
using OciOperator.ResourceGraph.Building;
using OciOperator.ResourceGraph.Graph;
using OciOperator.ResourceGraph.Instances;
using OciOperator.ResourceGraph.Schemas;
using OciOperator.Runtime.Client;
using OciOperator.Runtime.Discovery;
using OciOperator.Runtime.Reconciliation;
using OciOperator.Sandbox.Kube;
using OciOperator.Sandbox.Kube.Serialization;
using OciOperator.Sandbox.Kube.Simulators;

namespace OciOperator.ResourceGraph.Tests.Support;

/// <summary>
/// A Sandbox API server (with the Widget and Gadget test CRDs installed, optionally the workload simulators) and
/// instance controllers serving RGDs compiled from YAML, as the RGD controller would start them. The controllers'
/// client counts its requests (<see cref="Requests"/>) and logs into <see cref="Logs"/>; tests act and assert
/// through <see cref="Api"/>, an uncounted client of their own.
/// </summary>
internal sealed class InstanceHarness : IAsyncDisposable
{
    public static readonly ResourceType Widgets = new("test.kro.dev", "v1", "Widget", "widgets");
    public static readonly ResourceType Gadgets = new("test.kro.dev", "v1", "Gadget", "gadgets", Namespaced: false);
    public static readonly ResourceType ConfigMaps = new(string.Empty, "v1", "ConfigMap", "configmaps");
    public static readonly ResourceType Secrets = new(string.Empty, "v1", "Secret", "secrets");
    public static readonly ResourceType Events = new(string.Empty, "v1", "Event", "events");

    private readonly List<InstanceController> _controllers = [];
    private readonly CrdSchemaCatalog _catalog = TestKinds.Catalog(withDbSystem: true);
    private readonly Kubernetes _operatorClient;
    private readonly RestMapper _restMapper;
    private WorkloadSimulators? _simulators;

    private InstanceHarness(KubeTestServer cluster, SandboxRequestLog sandboxRequests)
    {
        Cluster = cluster;
        SandboxRequests = sandboxRequests;
        _operatorClient = new Kubernetes(new KubernetesClientConfiguration { Host = cluster.Server.BaseAddress.ToString() }, Requests);
        OperatorKube = new KubeApiClient(_operatorClient);
        _restMapper = new RestMapper(OperatorKube, TimeProvider.System);
        Kube = new KubeApiClient(cluster.Client);
        Api = new KubeChildApi(Kube, TimeProvider.System);
        InstanceMetrics = new InstanceMetrics(Metrics.Meter);
    }

    public KubeTestServer Cluster { get; }

    /// <summary>The engine's requests, counted by its client.</summary>
    public RequestCounter Requests { get; } = new();

    /// <summary>The engine's requests, counted by the Sandbox API server as they arrived.</summary>
    public SandboxRequestLog SandboxRequests { get; }

    public LogCapture Logs { get; } = new();

    public MetricsCapture Metrics { get; } = new();

    public InstanceMetrics InstanceMetrics { get; }

    /// <summary>The engine's (counted) client.</summary>
    public KubeApiClient OperatorKube { get; }

    /// <summary>The test's own (uncounted) client.</summary>
    public KubeApiClient Kube { get; }

    public IChildApi Api { get; }

    public static async Task<InstanceHarness> StartAsync(bool simulators = false)
    {
        var sandboxRequests = new SandboxRequestLog();
        var harness = new InstanceHarness(await KubeTestServer.StartAsync(new KubeApiServerOptions { RequestObserver = sandboxRequests.Record }), sandboxRequests);
        await harness.InstallCrdAsync(YamlToJson.Parse(TestKinds.WidgetCrd)!.AsObject());
        await harness.InstallCrdAsync(YamlToJson.Parse(TestKinds.GadgetCrd)!.AsObject());
        if (simulators)
        {
            harness._simulators = WorkloadSimulators.Start(harness.Cluster.Server.BaseAddress, new SimulatorOptions
            {
                DeploymentRolloutDelay = TimeSpan.FromMilliseconds(20),
                LoadBalancerDelay = TimeSpan.FromMilliseconds(20),
                JobDuration = TimeSpan.FromMilliseconds(20),
                LoadBalancerAddressPool = "203.0.113.0/28",
            });
        }

        return harness;
    }

    /// <summary>Installs the committed DbSystem CRD (the seed walkthrough's OCI kind).</summary>
    public Task InstallDbSystemCrdAsync() =>
        InstallCrdAsync(YamlToJson.Parse(File.ReadAllText(Path.Combine(RepositoryPaths.Root, "config/crd/bases/mysql.oracle.com_dbsystems.yaml")))!.AsObject());

    /// <summary>Compiles <paramref name="rgdYaml"/> (failing the test on build errors), installs its CRD and serves it with a started controller.</summary>
    public async Task<Served> ServeAsync(string rgdYaml, int workers = 2, bool lenientCrd = false)
    {
        var graph = Build(rgdYaml);
        var crd = graph.InstanceCrd();
        Assert.That(_catalog.Add(crd), Is.Null);
        if (lenientCrd)
        {
            // An older or hand-edited CRD that does not enforce the RGD's required fields: instances reach the engine without them.
            DropRequired(crd);
        }

        await InstallCrdAsync(crd);
        return await StartControllerAsync(graph, workers);
    }

    /// <summary>
    /// Serves an updated RGD of the same kind and schema as <paramref name="old"/>, as the RGD controller does on a
    /// graph change: the old controller (and its informers) stops, a new one starts for the new graph.
    /// </summary>
    public async Task<Served> ReplaceAsync(Served old, string rgdYaml, int workers = 2)
    {
        var graph = Build(rgdYaml);
        _controllers.Remove(old.Controller);
        await old.Controller.DisposeAsync();
        return await StartControllerAsync(graph, workers);
    }

    private CompiledGraph Build(string rgdYaml)
    {
        var result = new GraphBuilder(new CombinedSchemaResolver(new BuiltInSchemaResolver(), _catalog), new GraphBuildOptions { EnableOmit = true })
            .Build(YamlToJson.Parse(rgdYaml)!.AsObject());
        Assert.That(result.Errors, Is.Empty, result.Message);
        return result.Graph!;
    }

    private async Task<Served> StartControllerAsync(CompiledGraph graph, int workers)
    {
        var controller = new InstanceController(graph, OperatorKube, new KubeChildApi(OperatorKube, TimeProvider.System), NamingResourceMapper.Map,
            TimeProvider.System, Logs, new InstanceControllerOptions { Workers = workers, Metrics = InstanceMetrics, ResolveGroupKind = _restMapper.FindGroupKindAsync });
        _controllers.Add(controller);
        controller.Start();
        await controller.WaitForSyncAsync(CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(20));
        return new Served(graph, controller.InstanceType, controller);
    }

    public async Task<JsonObject> CreateAsync(ResourceType type, string yaml)
    {
        var obj = YamlToJson.Parse(yaml)!.AsObject();
        return (await Kube.CreateAsync(type, new UnstructuredObject(obj), CancellationToken.None)).ToJsonObject();
    }

    public Task<JsonObject?> GetAsync(ResourceType type, string? @namespace, string name) => Api.GetAsync(type, @namespace, name, CancellationToken.None);

    /// <summary>A JSON merge patch given as YAML or JSON (of <c>/status</c> when <paramref name="status"/>).</summary>
    public async Task<JsonObject> PatchAsync(ResourceType type, string? @namespace, string name, string yaml, bool status = false) =>
        (await Kube.PatchAsync<UnstructuredObject>(type, @namespace, name, PatchKind.Merge, YamlToJson.Parse(yaml)!.ToJsonString(), status, CancellationToken.None)).ToJsonObject();

    public Task<bool> DeleteAsync(ResourceType type, string? @namespace, string name) => Kube.DeleteAsync(type, @namespace, name, CancellationToken.None);

    /// <summary>Waits until the object satisfies <paramref name="done"/> (null when absent) and returns it.</summary>
    public Task<JsonObject?> WaitAsync(ResourceType type, string? @namespace, string name, Func<JsonObject?, bool> done, string what, TimeSpan? timeout = null) =>
        Eventually.UntilAsync(() => GetAsync(type, @namespace, name), done, what, timeout ?? TimeSpan.FromSeconds(15));

    public async Task<IReadOnlyList<JsonObject>> ListAsync(ResourceType type, string? @namespace, string selector = "") =>
        await Api.ListAsync(type, @namespace, selector, CancellationToken.None);

    /// <summary>The Events recorded on <paramref name="name"/> in <paramref name="namespace"/>.</summary>
    public async Task<IReadOnlyList<JsonObject>> EventsAsync(string @namespace, string name) =>
        [.. (await ListAsync(Events, @namespace)).Where(e => e["involvedObject"]?["name"]?.GetValue<string>() == name)];

    public static string? State(JsonObject? instance) => instance?["status"]?["state"]?.GetValue<string>();

    public static string? Condition(JsonObject? instance, string type, string field = "status") =>
        instance?["status"]?["conditions"]?.AsArray().OfType<JsonObject>().FirstOrDefault(c => c["type"]?.GetValue<string>() == type)?[field] is JsonValue v
            ? v.TryGetValue<string>(out var s) ? s : v.ToJsonString()
            : null;

    public async ValueTask DisposeAsync()
    {
        if (TestContext.CurrentContext.Result.Outcome.Status == NUnit.Framework.Interfaces.TestStatus.Failed)
        {
            // What the engine logged, to read a failure without re-running.
            foreach (var line in Logs.Lines.Where(l => !l.StartsWith("Debug", StringComparison.Ordinal)).TakeLast(40))
            {
                await TestContext.Out.WriteLineAsync(line);
            }
        }

        foreach (var controller in _controllers)
        {
            await controller.DisposeAsync();
        }

        if (_simulators is not null)
        {
            await _simulators.DisposeAsync();
        }

        _operatorClient.Dispose();
        Metrics.Dispose();
        await Cluster.DisposeAsync();
    }

    private async Task InstallCrdAsync(JsonObject crd)
    {
        using (var response = await Cluster.Http.PostAsJsonAsync(Cluster.Url("/apis/apiextensions.k8s.io/v1/customresourcedefinitions"), crd))
        {
            Assert.That(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
        }

        var names = crd["spec"]!["names"]!;
        var group = crd["spec"]!["group"]!.GetValue<string>();
        var version = crd["spec"]!["versions"]![0]!["name"]!.GetValue<string>();
        var path = $"/apis/{group}/{version}/{names["plural"]!.GetValue<string>()}";
        await Eventually.WaitAsync(async () => (await Cluster.Http.GetAsync(Cluster.Url(path))).IsSuccessStatusCode, $"{path} to be served");
    }

    private static void DropRequired(JsonNode? node)
    {
        if (node is JsonObject map)
        {
            map.Remove("required");
            foreach (var (_, value) in map)
            {
                DropRequired(value);
            }
        }
        else if (node is JsonArray list)
        {
            foreach (var item in list)
            {
                DropRequired(item);
            }
        }
    }

    /// <summary>One served RGD kind.</summary>
    public sealed record Served(CompiledGraph Graph, ResourceType Type, InstanceController Controller);
}
