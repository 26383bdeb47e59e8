using System.Globalization;
using System.Text.Json.Nodes;
using k8s;
using k8s.Models;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using MysqlDbSystem = OciOperator.Mysql.Api.DbSystem;
using OciOperator.Mysql;
using OciOperator.Mysql.Api;
using OciOperator.Mysql.Controllers;
using OciOperator.Oci;
using OciOperator.Runtime;
using OciOperator.Runtime.Client;
using OciOperator.Runtime.Manager;
using OciOperator.Sandbox.Kube;
using OciOperator.Sandbox.Oci;
using OciOperator.Schemas.Crd;

namespace OciOperator.Benchmarks.DbSystem;

/// <summary>
/// The Sandbox API server and the OCI emulator on loopback with the DbSystem CRD installed, and the operator as it is
/// hosted in production (controller runtime + real OCI client with instance-principal auth against the emulator +
/// DbSystem controller), started and stopped on demand. The operator's Kubernetes requests go through a
/// <see cref="KubeRequestCounter"/>.
/// </summary>
internal sealed class ScaleEnvironment : IAsyncDisposable
{
    public const string Namespace = "bench";
    public const string AdminSecret = "admin-secret";
    private const string Compartment = "ocid1.compartment.oc1..exampleuniqueID";
    private const string Subnet = "ocid1.subnet.oc1..exampleuniqueID";

    private IHost? _operator;
    private WeakReference? _stoppedOperator;

    private ScaleEnvironment(KubeApiServer kube, OciEmulator oci, Kubernetes client)
    {
        Kube = kube;
        Oci = oci;
        Client = client;
    }

    public KubeApiServer Kube { get; }

    public OciEmulator Oci { get; }

    /// <summary>A client for arranging and observing (its requests are not counted).</summary>
    public Kubernetes Client { get; }

    /// <summary>The running operator's Kubernetes requests (a new counter per start).</summary>
    public KubeRequestCounter KubeRequests { get; private set; } = new();

    public static async Task<ScaleEnvironment> StartAsync(ScaleTimings timings, CancellationToken ct)
    {
        var kube = await KubeApiServer.StartAsync(new KubeApiServerOptions(), ct);
        var oci = await OciEmulator.StartAsync(
            new OciEmulatorOptions { CreateDelay = timings.CreateDelay, UpdateDelay = timings.UpdateDelay, DeleteDelay = timings.DeleteDelay }, ct);
        var client = new Kubernetes(new KubernetesClientConfiguration { Host = kube.BaseAddress.ToString() });
        await client.ApiextensionsV1.CreateCustomResourceDefinitionAsync(CustomResourceDefinitionGenerator.Generate(typeof(MysqlDbSystem)), cancellationToken: ct);
        await client.CoreV1.CreateNamespaceAsync(new V1Namespace { Metadata = new V1ObjectMeta { Name = Namespace } }, cancellationToken: ct);
        await client.CoreV1.CreateNamespacedSecretAsync(
            new V1Secret
            {
                Metadata = new V1ObjectMeta { Name = AdminSecret, NamespaceProperty = Namespace },
                StringData = new Dictionary<string, string> { ["username"] = "admin", ["password"] = "Str0ng-Passw0rd!" },
            },
            Namespace,
            cancellationToken: ct);
        return new ScaleEnvironment(kube, oci, client);
    }

    /// <summary>
    /// Starts the operator with the scaled polling of <paramref name="timings"/> and returns once its informers have
    /// synced. Client-side rate limits (Kubernetes QPS, OCI requests per second) are lifted: they are sized for real
    /// time and would otherwise be what the scaled run measures.
    /// </summary>
    public async Task StartOperatorAsync(ScaleTimings timings, int maxConcurrentReconciles, TimeSpan resyncPeriod, CancellationToken ct)
    {
        if (_operator is not null)
        {
            throw new InvalidOperationException("The operator already runs.");
        }

        var c = CultureInfo.InvariantCulture;
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["ControllerRuntime:MetricsBindAddress"] = "0",
            ["ControllerRuntime:HealthProbeBindAddress"] = "0",
            ["ControllerRuntime:Qps"] = "100000",
            ["ControllerRuntime:Burst"] = "100000",
            ["Oci:Auth:Mode"] = "instance_principal",
            ["Oci:Auth:MetadataBaseUrl"] = Oci.InstanceMetadataEndpoint.ToString(),
            ["Oci:Auth:FederationEndpoint"] = Oci.FederationEndpoint.ToString(),
            ["Oci:MysqlEndpoint"] = Oci.MySqlEndpoint.ToString(),
            ["Oci:Resilience:RateLimitPerSecond"] = "0",
            ["DbSystem:PollInitialInterval"] = timings.PollInitialInterval.ToString("c", c),
            ["DbSystem:PollMaxInterval"] = timings.PollMaxInterval.ToString("c", c),
            ["DbSystem:ResyncPeriod"] = resyncPeriod.ToString("c", c),
            ["DbSystem:PermanentErrorRetry"] = timings.PermanentErrorRetry.ToString("c", c),
            ["DbSystem:MaxConcurrentReconciles"] = maxConcurrentReconciles.ToString(c),
        });
        builder.Logging.ClearProviders();
        KubeRequests = new KubeRequestCounter();
        var counter = KubeRequests;
        builder.Services.AddSingleton(new KubernetesClientConfiguration { Host = Kube.BaseAddress.ToString() });
        // Registered before AddControllerRuntime (which only TryAdds): the runtime's own client, with the counter added.
        builder.Services.AddSingleton(sp =>
        {
            var options = sp.GetRequiredService<ControllerRuntimeOptions>();
            var limiter = new ClientRateLimitingHandler(options.Qps, options.Burst, TimeProvider.System);
            return new Kubernetes(sp.GetRequiredService<KubernetesClientConfiguration>(), limiter, counter);
        });
        builder.Services.AddOciClient(builder.Configuration.GetSection(OciClientOptions.SectionName));
        // No handler rotation: its expiry timers would keep the stopped operator's container reachable for minutes,
        // and the memory figure is what stopping the operator frees.
        builder.Services.AddHttpClient(OciClientServiceCollectionExtensions.HttpClientName).SetHandlerLifetime(Timeout.InfiniteTimeSpan);
        builder.Services.AddControllerRuntime(builder.Configuration.GetSection(ControllerRuntimeOptions.SectionName))
            .AddDbSystemController(builder.Configuration.GetSection(DbSystemControllerOptions.SectionName));
        _operator = builder.Build();
        await _operator.StartAsync(ct);
        var manager = _operator.Services.GetRequiredService<ControllerManager>();
        await Poll.UntilAsync(() => Task.FromResult(manager.IsReady), TimeSpan.FromSeconds(60), "the operator to be ready", ct);
    }

    public async Task StopOperatorAsync(CancellationToken ct)
    {
        if (_operator is null)
        {
            return;
        }

        await _operator.StopAsync(ct);
        _stoppedOperator = new WeakReference(_operator.Services);
        _operator.Dispose();
        _operator = null;
    }

    /// <summary>Whether the last stopped operator's services are still reachable (so its memory is not yet freed).</summary>
    public bool StoppedOperatorAlive => _stoppedOperator?.IsAlive == true;

    /// <summary>One DbSystem's status as JSON.</summary>
    public async Task<JsonNode?> StatusJsonAsync(string name, CancellationToken ct)
    {
        var d = await Client.CustomObjects.GetNamespacedCustomObjectAsync<MysqlDbSystem>(
            MysqlDbSystem.KubeGroup, MysqlDbSystem.KubeApiVersion, Namespace, MysqlDbSystem.KubePluralName, name, cancellationToken: ct);
        return JsonNode.Parse(KubernetesJson.Serialize(d.Status));
    }

    public static MysqlDbSystem NewDbSystem(string name) => new()
    {
        Metadata = new V1ObjectMeta { Name = name, NamespaceProperty = Namespace },
        Spec = new DbSystemSpec
        {
            CompartmentId = Compartment,
            ShapeName = "MySQL.2",
            SubnetId = Subnet,
            DisplayName = name,
            AvailabilityDomain = "qqZb:US-ASHBURN-AD-1",
            IsHighlyAvailable = false,
            DataStorageSizeInGBs = 50,
            Description = "scale run",
            AdminUsername = new AdminCredentialSource { Secret = new SecretSource { SecretName = AdminSecret } },
            AdminPassword = new AdminCredentialSource { Secret = new SecretSource { SecretName = AdminSecret } },
        },
    };

    public Task CreateAsync(string name, CancellationToken ct) =>
        Client.CustomObjects.CreateNamespacedCustomObjectAsync<MysqlDbSystem>(
            NewDbSystem(name), MysqlDbSystem.KubeGroup, MysqlDbSystem.KubeApiVersion, Namespace, MysqlDbSystem.KubePluralName, cancellationToken: ct);

    public Task DeleteAsync(string name, CancellationToken ct) =>
        Client.CustomObjects.DeleteNamespacedCustomObjectAsync(
            MysqlDbSystem.KubeGroup, MysqlDbSystem.KubeApiVersion, Namespace, MysqlDbSystem.KubePluralName, name, cancellationToken: ct);

    public async Task<IList<MysqlDbSystem>> ListAsync(CancellationToken ct) =>
        (await Client.CustomObjects.ListNamespacedCustomObjectAsync<DbSystemList>(
            MysqlDbSystem.KubeGroup, MysqlDbSystem.KubeApiVersion, Namespace, MysqlDbSystem.KubePluralName, cancellationToken: ct)).Items;

    /// <summary>ACTIVE in OCI, and the controller says so with Ready=True (endpoint Secret written) for the current generation.</summary>
    public static bool IsReady(MysqlDbSystem d) =>
        d.Status?.LifecycleState == "ACTIVE"
        && d.Status.ObservedGeneration == d.Metadata.Generation
        && d.Status.Status.Conditions?.Any(c => c.Type == DbSystemConditionType.Ready && c.Status == "True") == true;

    /// <summary>OCI calls so far, by operation.</summary>
    public RequestCounts OciCalls() => RequestCounts.From(Oci.Calls.CountsByOperation());

    public async ValueTask DisposeAsync()
    {
        using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        await StopOperatorAsync(stop.Token);
        Client.Dispose();
        await Oci.DisposeAsync();
        await Kube.DisposeAsync();
    }
}
