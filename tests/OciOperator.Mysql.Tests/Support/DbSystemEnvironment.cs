using System.Globalization;
using DbSystem = OciOperator.Mysql.Api.DbSystem;
using k8s;
using k8s.Autorest;
using k8s.Models;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using OciOperator.Mysql.Api;
using OciOperator.Mysql.Controllers;
using OciOperator.Oci;
using OciOperator.Oci.Mysql;
using OciOperator.Runtime;
using OciOperator.Mysql.Ownership;
using OciOperator.Runtime.Client;
using OciOperator.Runtime.Health;
using OciOperator.Runtime.Manager;
using OciOperator.Sandbox.Kube;
using OciOperator.Sandbox.Oci;
using OciOperator.Schemas.Crd;

namespace OciOperator.Mysql.Tests.Support;

/// <summary>
/// The DbSystem controller's acceptance environment: the Sandbox Kubernetes API server and the OCI emulator on
/// loopback, the DbSystem CRD installed, and the operator (controller runtime + real OCI client with instance
/// principal auth against the emulator + DbSystem controller) as a host that tests start, stop and restart.
/// </summary>
internal sealed class DbSystemEnvironment : IAsyncDisposable
{
    public const string Compartment = "ocid1.compartment.oc1..exampleuniqueID";
    public const string Subnet = "ocid1.subnet.oc1..exampleuniqueID";

    private IHost? _operator;

    private DbSystemEnvironment(KubeApiServer kube, OciEmulator oci, Kubernetes client, EnvironmentOptions options)
    {
        Kube = kube;
        Oci = oci;
        Client = client;
        Options = options;
    }

    public KubeApiServer Kube { get; }

    public OciEmulator Oci { get; }

    /// <summary>A KubernetesClient against the Sandbox, for arranging and asserting.</summary>
    public Kubernetes Client { get; }

    public EnvironmentOptions Options { get; }

    /// <summary>Every log line of every operator started so far.</summary>
    public CapturedLogs Logs { get; } = new();

    /// <summary>The Kubernetes API requests of the operator started last.</summary>
    public KubeRequestLog KubeRequests { get; private set; } = new();

    /// <summary>The bodies the operator sent (through the real client), across restarts.</summary>
    public RecordingMysqlClient? Recorder { get; private set; }

    private readonly List<(string Id, UpdateDbSystemDetails Details)> _previousUpdates = [];

    /// <summary>Updates sent by every operator started so far.</summary>
    public IReadOnlyList<(string Id, UpdateDbSystemDetails Details)> Updates => [.. _previousUpdates, .. Recorder?.Updates ?? []];

    /// <summary>Where the running operator serves Prometheus metrics.</summary>
    public Uri? MetricsAddress => _operator?.Services.GetRequiredService<ProbeServer>().MetricsAddress;

    public static async Task<DbSystemEnvironment> StartAsync(EnvironmentOptions? options = null, CancellationToken ct = default)
    {
        options ??= new EnvironmentOptions();
        var kube = await KubeApiServer.StartAsync(new KubeApiServerOptions(), ct);
        var oci = await OciEmulator.StartAsync(
            new OciEmulatorOptions { CreateDelay = options.CreateDelay, UpdateDelay = options.UpdateDelay, DeleteDelay = options.DeleteDelay },
            ct);
        var client = new Kubernetes(new KubernetesClientConfiguration { Host = kube.BaseAddress.ToString() });
        await client.ApiextensionsV1.CreateCustomResourceDefinitionAsync(CustomResourceDefinitionGenerator.Generate(typeof(DbSystem)), cancellationToken: ct);
        return new DbSystemEnvironment(kube, oci, client, options);
    }

    /// <summary>Starts the operator (once ready, its informers have synced).</summary>
    public async Task StartOperatorAsync(CancellationToken ct = default)
    {
        if (_operator is not null)
        {
            throw new InvalidOperationException("The operator already runs.");
        }

        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        var invariant = CultureInfo.InvariantCulture;
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["ControllerRuntime:MetricsBindAddress"] = "127.0.0.1:0",
            ["ControllerRuntime:HealthProbeBindAddress"] = "0",
            ["ControllerRuntime:Qps"] = "500",
            ["ControllerRuntime:Burst"] = "1000",
            ["Oci:Auth:Mode"] = "instance_principal",
            ["Oci:Auth:MetadataBaseUrl"] = Oci.InstanceMetadataEndpoint.ToString(),
            ["Oci:Auth:FederationEndpoint"] = Oci.FederationEndpoint.ToString(),
            ["Oci:MysqlEndpoint"] = Oci.MySqlEndpoint.ToString(),
            ["Oci:Resilience:MaxAttempts"] = Options.OciMaxAttempts.ToString(invariant),
            ["Oci:Resilience:RetryBaseDelay"] = "00:00:00.020",
            ["Oci:Resilience:RetryMaxDelay"] = "00:00:00.200",
            ["Oci:Resilience:RetryJitter"] = "00:00:00.010",
            ["Oci:Resilience:AttemptTimeout"] = "00:00:05",
            ["Oci:Resilience:RateLimitPerSecond"] = "1000",
            ["DbSystem:PollInitialInterval"] = Options.PollInterval.ToString("c", invariant),
            ["DbSystem:PollMaxInterval"] = (Options.PollInterval * 4).ToString("c", invariant),
            ["DbSystem:ResyncPeriod"] = Options.ResyncPeriod.ToString("c", invariant),
            ["DbSystem:PermanentErrorRetry"] = Options.PermanentErrorRetry.ToString("c", invariant),
            ["DbSystem:MaxConcurrentReconciles"] = "4",
        });
        builder.Logging.ClearProviders();
        builder.Logging.AddProvider(Logs);
        builder.Logging.SetMinimumLevel(LogLevel.Trace);
        builder.Services.AddSingleton(new KubernetesClientConfiguration { Host = Kube.BaseAddress.ToString() });
        // Registered before AddControllerRuntime (which only TryAdds): the runtime's own client, with the request log.
        var requests = KubeRequests = new KubeRequestLog();
        builder.Services.AddSingleton(sp =>
        {
            var runtime = sp.GetRequiredService<ControllerRuntimeOptions>();
            return new Kubernetes(sp.GetRequiredService<KubernetesClientConfiguration>(), new ClientRateLimitingHandler(runtime.Qps, runtime.Burst, TimeProvider.System), requests);
        });
        builder.Services.AddOciClient(builder.Configuration.GetSection(OciClientOptions.SectionName));
        var real = builder.Services.Single(d => d.ServiceType == typeof(IMysqlDbSystemClient));
        builder.Services.Remove(real);
        builder.Services.AddSingleton<IMysqlDbSystemClient>(sp =>
        {
            Recorder = new RecordingMysqlClient((IMysqlDbSystemClient)real.ImplementationFactory!(sp));
            return Recorder;
        });
        builder.Services.AddControllerRuntime(builder.Configuration.GetSection(ControllerRuntimeOptions.SectionName))
            .AddDbSystemController(builder.Configuration.GetSection(DbSystemControllerOptions.SectionName));
        _operator = builder.Build();
        await _operator.StartAsync(ct);

        var manager = _operator.Services.GetRequiredService<ControllerManager>();
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(ct);
        deadline.CancelAfter(TimeSpan.FromSeconds(30));
        while (!manager.IsReady)
        {
            await Task.Delay(20, deadline.Token);
        }
    }

    /// <summary>Stops the operator: in-flight reconciles are cancelled wherever they are (a crash, as far as OCI and the API server can tell).</summary>
    public async Task StopOperatorAsync()
    {
        if (_operator is null)
        {
            return;
        }

        if (Recorder is not null)
        {
            _previousUpdates.AddRange(Recorder.Updates);
            Recorder = null;
        }

        using var stop = new CancellationTokenSource(TimeSpan.FromMilliseconds(1));
        try
        {
            await _operator.StopAsync(stop.Token);
        }
        catch (OperationCanceledException)
        {
            // Stopping abruptly is the point.
        }

        _operator.Dispose();
        _operator = null;
    }

    public async Task<V1Namespace> CreateNamespaceAsync(string name) =>
        await Client.CoreV1.CreateNamespaceAsync(new V1Namespace { Metadata = new V1ObjectMeta { Name = name } });

    public async Task CreateAdminSecretAsync(string ns, string name, string username, string password) =>
        await Client.CoreV1.CreateNamespacedSecretAsync(
            new V1Secret
            {
                Metadata = new V1ObjectMeta { Name = name, NamespaceProperty = ns },
                StringData = new Dictionary<string, string> { ["username"] = username, ["password"] = password },
            },
            ns);

    public static DbSystem NewDbSystem(string ns, string name, string secretName = "admin-secret", Func<DbSystemSpec, DbSystemSpec>? customize = null)
    {
        var spec = new DbSystemSpec
        {
            CompartmentId = Compartment,
            ShapeName = "MySQL.2",
            SubnetId = Subnet,
            DisplayName = name,
            AvailabilityDomain = "qqZb:US-ASHBURN-AD-1",
            IsHighlyAvailable = false,
            DataStorageSizeInGBs = 50,
            Description = "acceptance test",
            AdminUsername = new AdminCredentialSource { Secret = new SecretSource { SecretName = secretName } },
            AdminPassword = new AdminCredentialSource { Secret = new SecretSource { SecretName = secretName } },
        };
        return new DbSystem
        {
            Metadata = new V1ObjectMeta { Name = name, NamespaceProperty = ns },
            Spec = customize is null ? spec : customize(spec),
        };
    }

    public async Task<DbSystem> CreateAsync(DbSystem dbSystem) =>
        await Client.CustomObjects.CreateNamespacedCustomObjectAsync<DbSystem>(dbSystem, DbSystem.KubeGroup, DbSystem.KubeApiVersion, dbSystem.Metadata.NamespaceProperty, DbSystem.KubePluralName);

    public async Task<DbSystem?> GetAsync(string ns, string name)
    {
        try
        {
            return await Client.CustomObjects.GetNamespacedCustomObjectAsync<DbSystem>(DbSystem.KubeGroup, DbSystem.KubeApiVersion, ns, DbSystem.KubePluralName, name);
        }
        catch (HttpOperationException ex) when (ex.Response.StatusCode == System.Net.HttpStatusCode.NotFound)
        {
            return null;
        }
    }

    /// <summary>Merge-patches the spec (and retries on a 409 from a concurrent status write).</summary>
    public async Task PatchSpecAsync(string ns, string name, object specPatch) =>
        await Client.CustomObjects.PatchNamespacedCustomObjectAsync(
            new V1Patch(new Dictionary<string, object> { ["spec"] = specPatch }, V1Patch.PatchType.MergePatch),
            DbSystem.KubeGroup, DbSystem.KubeApiVersion, ns, DbSystem.KubePluralName, name);

    public async Task DeleteAsync(string ns, string name) =>
        await Client.CustomObjects.DeleteNamespacedCustomObjectAsync(DbSystem.KubeGroup, DbSystem.KubeApiVersion, ns, DbSystem.KubePluralName, name);

    /// <summary>Waits until the DbSystem satisfies <paramref name="predicate"/>; fails with its last status otherwise.</summary>
    public async Task<DbSystem> WaitForAsync(string ns, string name, Func<DbSystem, bool> predicate, string what, TimeSpan? timeout = null)
    {
        DbSystem? last = null;
        var ok = await Eventually.TrueAsync(
            async () =>
            {
                last = await GetAsync(ns, name);
                return last is not null && predicate(last);
            },
            timeout ?? TimeSpan.FromSeconds(30));
        Assert.That(ok, Is.True, $"{ns}/{name} did not become {what}; last status: {(last?.Status is null ? "none" : KubernetesJson.Serialize(last.Status.Status))}");
        return last!;
    }

    public Task<DbSystem> WaitForActiveAsync(string ns, string name) =>
        WaitForAsync(ns, name, d => d.Status?.LifecycleState == "ACTIVE" && CurrentCondition(d) == DbSystemConditionType.Active && d.Status?.ObservedGeneration == d.Metadata.Generation, "Active");

    public static string? CurrentCondition(DbSystem d) =>
        d.Status?.Status.Conditions?.LastOrDefault(c => c.Type != DbSystemConditionType.Ready)?.Type;

    public static OsokCondition? Condition(DbSystem d, string type) =>
        d.Status?.Status.Conditions?.FirstOrDefault(c => c.Type == type);

    /// <summary>The emulator's DB systems created for the resource with this UID (by the ownership tag), deleted ones excluded.</summary>
    public IReadOnlyList<string> LiveDbSystemsOwnedBy(string uid) =>
        [.. Oci.DbSystems.Where(d => d.FreeformTags.TryGetValue(OwnershipTags.OwnerUid, out var v) && v == uid && d.LifecycleState != "DELETED").Select(d => d.Id)];

    /// <summary>Events about an object (core/v1 view).</summary>
    public async Task<IReadOnlyList<Corev1Event>> EventsAsync(string ns, string name) =>
        [.. (await Client.CoreV1.ListNamespacedEventAsync(ns)).Items.Where(e => e.InvolvedObject?.Name == name)];

    public async ValueTask DisposeAsync()
    {
        await StopOperatorAsync();
        Client.Dispose();
        await Oci.DisposeAsync();
        await Kube.DisposeAsync();
    }
}
