namespace OciOperator.Hosting;

/// <summary>The operator's command-line settings, shared by <c>run</c> and <c>sandbox</c>.</summary>
internal sealed record OperatorSettings
{
    /// <summary>The <c>--controllers</c> name of the DbSystem controller.</summary>
    public const string DbSystemController = "dbsystem";

    /// <summary>The <c>--controllers</c> name of the RGD engine.</summary>
    public const string RgdController = "rgd";

    /// <summary>Every controller <c>--controllers</c> accepts.</summary>
    public static readonly IReadOnlyList<string> AvailableControllers = [DbSystemController, RgdController];

    public string MetricsBindAddress { get; init; } = ":8080";

    /// <summary>The minimum log level; null: Information with --verbose, else Warning.</summary>
    public Microsoft.Extensions.Logging.LogLevel? LogLevel { get; init; }

    /// <summary>One JSON object per log line (for log collectors) instead of console text.</summary>
    public bool JsonLogs { get; init; }

    /// <summary>A timestamp format (UTC) written on every log line; null writes none.</summary>
    public string? LogTimestampFormat { get; init; }

    public string HealthProbeBindAddress { get; init; } = ":8081";

    public bool LeaderElect { get; init; }

    public string LeaderElectionNamespace { get; init; } = "default";

    public double Qps { get; init; } = 20;

    public int Burst { get; init; } = 30;

    public int MaxConcurrentReconciles { get; init; } = 1;

    /// <summary>Leader election: how long a Lease is valid without renewal.</summary>
    public TimeSpan LeaseDuration { get; init; } = TimeSpan.FromSeconds(15);

    /// <summary>Leader election: how long the leader tries to renew before giving up.</summary>
    public TimeSpan RenewDeadline { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>Leader election: how often candidates try to acquire or renew.</summary>
    public TimeSpan RetryPeriod { get; init; } = TimeSpan.FromSeconds(2);

    /// <summary>How long in-flight reconciles may finish after a stop signal.</summary>
    public TimeSpan GracefulShutdownTimeout { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>How long the manager waits at start for its caches to sync before it fails.</summary>
    public TimeSpan CacheSyncTimeout { get; init; } = TimeSpan.FromMinutes(2);

    /// <summary>
    /// How long the start waits for the CRDs of the selected controllers to be served before it exits with an error
    /// (an installer may apply them with the operator; a new CRD is served only once established).
    /// </summary>
    public TimeSpan CrdWaitTimeout { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>The controllers to run (<c>dbsystem</c>, <c>rgd</c>).</summary>
    public IReadOnlyList<string> Controllers { get; init; } = [DbSystemController, RgdController];

    /// <summary>kro's <c>--allow-crd-deletion</c>: an RGD's instance CRD is deleted with the RGD.</summary>
    public bool AllowCrdDeletion { get; init; }

    /// <summary>kro's <c>--dynamic-controller-concurrent-reconciles</c>, per instance kind here.</summary>
    public int InstanceWorkers { get; init; } = 2;

    /// <summary>Only this namespace is watched (all when null).</summary>
    public string? WatchNamespace { get; init; }

    /// <summary>How often an ACTIVE DbSystem is read again from OCI.</summary>
    public TimeSpan DbSystemResyncPeriod { get; init; } = TimeSpan.FromMinutes(10);

    /// <summary>The first poll interval while OCI works; null keeps the controller's default.</summary>
    public TimeSpan? DbSystemPollInterval { get; init; }

    /// <summary>The first OCI retry delay (and jitter bound); null keeps the client's default (1 s, as OCI's SDKs).</summary>
    public TimeSpan? OciRetryBaseDelay { get; init; }

    /// <summary>OCI auth mode (<c>instance_principal</c>, <c>user_principal</c>, ...); null selects like OSOK from the environment.</summary>
    public string? OciAuthMode { get; init; }

    /// <summary>OCI region override.</summary>
    public string? OciRegion { get; init; }

    /// <summary>MySQL API endpoint override (the Sandbox's emulator).</summary>
    public Uri? OciMysqlEndpoint { get; init; }

    /// <summary>Instance metadata service override (the Sandbox's emulator).</summary>
    public Uri? OciMetadataBaseUrl { get; init; }

    /// <summary>Federation endpoint override (the Sandbox's emulator).</summary>
    public Uri? OciFederationEndpoint { get; init; }

    /// <summary>Whether the DbSystem controller runs.</summary>
    public bool RunsDbSystem => Controllers.Contains(DbSystemController, StringComparer.OrdinalIgnoreCase);

    /// <summary>Whether the RGD engine (the RGD controller and its instance controllers) runs.</summary>
    public bool RunsRgd => Controllers.Contains(RgdController, StringComparer.OrdinalIgnoreCase);

    /// <summary>The configuration keys of the runtime's <c>ControllerRuntime</c> section these settings fill.</summary>
    public IEnumerable<KeyValuePair<string, string?>> ToConfiguration()
    {
        var invariant = System.Globalization.CultureInfo.InvariantCulture;
        yield return new("ControllerRuntime:MetricsBindAddress", MetricsBindAddress);
        yield return new("ControllerRuntime:HealthProbeBindAddress", HealthProbeBindAddress);
        yield return new("ControllerRuntime:LeaderElection", LeaderElect ? "true" : "false");
        yield return new("ControllerRuntime:LeaderElectionNamespace", LeaderElectionNamespace);
        yield return new("ControllerRuntime:Qps", Qps.ToString(invariant));
        yield return new("ControllerRuntime:Burst", Burst.ToString(invariant));
        yield return new("ControllerRuntime:MaxConcurrentReconciles", MaxConcurrentReconciles.ToString(invariant));
        yield return new("ControllerRuntime:LeaseDuration", LeaseDuration.ToString("c", invariant));
        yield return new("ControllerRuntime:RenewDeadline", RenewDeadline.ToString("c", invariant));
        yield return new("ControllerRuntime:RetryPeriod", RetryPeriod.ToString("c", invariant));
        yield return new("ControllerRuntime:GracefulShutdownTimeout", GracefulShutdownTimeout.ToString("c", invariant));
        yield return new("ControllerRuntime:CacheSyncTimeout", CacheSyncTimeout.ToString("c", invariant));
        yield return new("DbSystem:ResyncPeriod", DbSystemResyncPeriod.ToString("c", invariant));
        yield return new("DbSystem:MaxConcurrentReconciles", Math.Max(MaxConcurrentReconciles, 3).ToString(invariant));
        if (DbSystemPollInterval is { } poll)
        {
            yield return new("DbSystem:PollInitialInterval", poll.ToString("c", invariant));
            yield return new("DbSystem:PollMaxInterval", (poll * 4).ToString("c", invariant));
        }

        if (OciRetryBaseDelay is { } retry)
        {
            yield return new("Oci:Resilience:RetryBaseDelay", retry.ToString("c", invariant));
            yield return new("Oci:Resilience:RetryJitter", retry.ToString("c", invariant));
        }

        yield return new("ResourceGraph:AllowCrdDeletion", AllowCrdDeletion ? "true" : "false");
        yield return new("ResourceGraph:MaxConcurrentReconciles", MaxConcurrentReconciles.ToString(invariant));
        yield return new("ResourceGraph:InstanceWorkers", InstanceWorkers.ToString(invariant));
        if (WatchNamespace is not null)
        {
            yield return new("DbSystem:Namespace", WatchNamespace);
        }

        foreach (var (key, value) in new (string Key, object? Value)[]
        {
            ("Oci:Auth:Mode", OciAuthMode),
            ("Oci:Auth:Region", OciRegion),
            ("Oci:Auth:MetadataBaseUrl", OciMetadataBaseUrl),
            ("Oci:Auth:FederationEndpoint", OciFederationEndpoint),
            ("Oci:MysqlEndpoint", OciMysqlEndpoint),
        })
        {
            if (value is not null)
            {
                yield return new(key, value.ToString());
            }
        }
    }
}
