using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using k8s;
using k8s.Models;
using Microsoft.Extensions.Logging.Abstractions;
using OciOperator.ResourceGraph.Api.RgdCrdTypes;
using OciOperator.ResourceGraph.Definitions;
using OciOperator.Runtime;
using OciOperator.Runtime.Caching;
using OciOperator.Runtime.Client;
using OciOperator.Runtime.Manager;
using OciOperator.Runtime.Metrics;
using OciOperator.Runtime.Reconciliation;
using OciOperator.Schemas.Crd;
using OciOperator.Sandbox.Kube.Serialization;

namespace OciOperator.ResourceGraph.Tests.Definitions;

/// <summary>
/// A Sandbox API server with the RGD CRD installed and the RGD controller running in a real controller manager over
/// HTTP (the real KubernetesClient), plus the real kubectl. Counts reconciles per RGD.
/// </summary>
internal sealed class RgdEngine : IAsyncDisposable
{
    private readonly InformerCache _cache;
    private readonly RuntimeMetrics _metrics;

    private RgdEngine(KubeTestServer kube, KubeApiClient api, InformerCache cache, RuntimeMetrics metrics, ControllerManager manager, RgdControllerSetup setup, KubectlRunner kubectl, ConcurrentDictionary<string, int> reconciles)
    {
        Kube = kube;
        Api = api;
        _cache = cache;
        _metrics = metrics;
        Manager = manager;
        Setup = setup;
        Kubectl = kubectl;
        Reconciles = reconciles;
    }

    public KubeTestServer Kube { get; }

    public KubeApiClient Api { get; }

    public ControllerManager Manager { get; }

    public RgdControllerSetup Setup { get; }

    public KubectlRunner Kubectl { get; }

    /// <summary>Reconciles per RGD name since start.</summary>
    public ConcurrentDictionary<string, int> Reconciles { get; }

    /// <summary>The Sandbox's current resourceVersion: it moves with every write to any object.</summary>
    public async Task<long> StoreRevisionAsync()
    {
        var list = await Api.ListAsync<UnstructuredObject>(new ResourceType(string.Empty, "v1", "Namespace", "namespaces", Namespaced: false), new ListOptions(), CancellationToken.None);
        return long.Parse(list.ResourceVersion, System.Globalization.CultureInfo.InvariantCulture);
    }

    public static async Task<RgdEngine> StartAsync(ResourceGraphControllerOptions? options = null)
    {
        var kube = await KubeTestServer.StartAsync();
        await kube.Client.ApiextensionsV1.CreateCustomResourceDefinitionAsync(CustomResourceDefinitionGenerator.Generate(typeof(ResourceGraphDefinitionResource)));
        var kubectl = new KubectlRunner(kube.Server.BuildKubeconfig());
        var api = new KubeApiClient(kube.Client, TimeProvider.System);
        await Eventually.WaitAsync(async () => (await api.GetApiResourcesAsync("kro.run/v1alpha1", CancellationToken.None))?.Resources.Any(r => r.Name == "resourcegraphdefinitions") == true, "the RGD CRD to be served");
        var cache = new InformerCache(api, TimeProvider.System, NullLoggerFactory.Instance);
        var metrics = new RuntimeMetrics();
        var reconciles = new ConcurrentDictionary<string, int>(StringComparer.Ordinal);
        var setup = new RgdControllerSetup(options ?? new ResourceGraphControllerOptions(), TimeProvider.System, NullLoggerFactory.Instance)
        {
            Decorate = inner => new CountingReconciler(inner, reconciles),
        };
        var manager = new ControllerManager(api, cache, new ControllerRuntimeOptions { GracefulShutdownTimeout = TimeSpan.FromSeconds(2) }, TimeProvider.System, NullLoggerFactory.Instance, metrics, null, [setup]);
        await manager.StartAsync(CancellationToken.None);
        await manager.WaitUntilRunningAsync(CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(20));
        return new RgdEngine(kube, api, cache, metrics, manager, setup, kubectl, reconciles);
    }

    /// <summary>Installs the DbSystem CRD from config/ (the seed RGD reads its schema).</summary>
    public async Task InstallDbSystemCrdAsync()
    {
        var applied = await Kubectl.RunAsync("apply", "-f", Path.Combine(RepositoryPaths.CrdDirectory, "bases", "mysql.oracle.com_dbsystems.yaml"));
        Assert.That(applied.ExitCode, Is.Zero, applied.ToString());
    }

    public Task<UnstructuredObject?> GetRgdAsync(string name) => Api.GetAsync<UnstructuredObject>(RgdReconciler.Type, null, name, CancellationToken.None);

    public Task<UnstructuredObject?> GetCrdAsync(string name) => Api.GetAsync<UnstructuredObject>(Runtime.Discovery.RestMapper.CustomResourceDefinitions, null, name, CancellationToken.None);

    /// <summary>Applies YAML with kubectl and fails the test when kubectl does.</summary>
    public async Task ApplyAsync(string yaml, string file = "manifest.yaml")
    {
        var path = Kubectl.WriteFile(file, yaml);
        var applied = await Kubectl.RunAsync("apply", "-f", path);
        Assert.That(applied.ExitCode, Is.Zero, applied.ToString());
    }

    /// <summary>Waits until the RGD's status satisfies <paramref name="done"/> (for its current generation) and returns it.</summary>
    public async Task<JsonObject> WaitForRgdAsync(string name, Func<JsonObject, bool> done, string what, TimeSpan? timeout = null)
    {
        var rgd = await Eventually.UntilAsync(
            async () => (await GetRgdAsync(name))?.ToJsonObject(),
            r => r?["status"] is JsonObject status && Observed(r, status) && done(status),
            $"RGD {name}: {what}",
            timeout ?? TimeSpan.FromSeconds(20));
        return rgd!["status"]!.AsObject();
    }

    public static string? State(JsonObject status) => status["state"]?.GetValue<string>();

    public static JsonObject? Condition(JsonObject status, string type) =>
        (status["conditions"] as JsonArray ?? []).OfType<JsonObject>().FirstOrDefault(c => c["type"]?.GetValue<string>() == type);

    public static string? ConditionStatus(JsonObject status, string type) => Condition(status, type)?["status"]?.GetValue<string>();

    public static string ConditionMessage(JsonObject status, string type) => Condition(status, type)?["message"]?.GetValue<string>() ?? string.Empty;

    public static bool IsActive(JsonObject status) => State(status) == RgdConditions.StateActive && ConditionStatus(status, RgdConditions.Ready) == RgdConditions.True;

    /// <summary>Reads any object as JSON (null when absent).</summary>
    public async Task<JsonObject?> GetAsync(ResourceType type, string? @namespace, string name) =>
        (await Api.GetAsync<UnstructuredObject>(type, @namespace, name, CancellationToken.None))?.ToJsonObject();

    public static JsonObject Yaml(string text) => YamlToJson.Parse(text)!.AsObject();

    public async ValueTask DisposeAsync()
    {
        await Manager.StopAsync(CancellationToken.None);
        Manager.Dispose();
        await _cache.DisposeAsync();
        _metrics.Dispose();
        Kubectl.Dispose();
        await Kube.DisposeAsync();
    }

    private static bool Observed(JsonObject rgd, JsonObject status) =>
        (status["conditions"] as JsonArray ?? []).OfType<JsonObject>().All(c => c["observedGeneration"]?.GetValue<long>() == rgd["metadata"]?["generation"]?.GetValue<long>());

    private sealed class CountingReconciler(IReconciler inner, ConcurrentDictionary<string, int> counts) : IReconciler
    {
        public Task<ReconcileResult> ReconcileAsync(ReconcileRequest request, CancellationToken ct)
        {
            counts.AddOrUpdate(request.Name, 1, (_, n) => n + 1);
            return inner.ReconcileAsync(request, ct);
        }
    }
}
