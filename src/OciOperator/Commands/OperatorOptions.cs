using System.CommandLine;
using OciOperator.Hosting;

namespace OciOperator.Commands;

/// <summary>The operator flags that <c>run</c> and <c>sandbox</c> share (controller-runtime's names and defaults).</summary>
internal sealed class OperatorOptions(string defaultLogFormat)
{
    private readonly Option<string?> _logLevel = new("--log-level")
    {
        Description = "Minimum log level: debug, info, warn or error (default: info with --verbose, else warn).",
    };

    private readonly Option<string> _logFormat = new("--log-format")
    {
        Description = $"Log format: json (one object per line) or console (default: {defaultLogFormat}).",
        DefaultValueFactory = _ => defaultLogFormat,
    };

    private readonly ZapOptions _zap = new();

    private readonly Option<string> _metrics = OptionRules.BindAddress(
        "--metrics-bind-address",
        "Address of the Prometheus metrics endpoint, e.g. :8080 or 127.0.0.1:8080; 0 disables it.",
        ":8080");

    private readonly Option<string> _probes = OptionRules.BindAddress(
        "--health-probe-bind-address",
        "Address of /healthz and /readyz, e.g. :8081; 0 disables them.",
        ":8081");

    private readonly Option<bool> _leaderElect = new("--leader-elect")
    {
        Description = "Run controllers only while holding a coordination.k8s.io Lease (for several replicas).",
    };

    private readonly Option<string> _leaderElectionNamespace = new("--leader-election-namespace")
    {
        Description = "Namespace of the leader-election Lease.",
        DefaultValueFactory = _ => "default",
    };

    private readonly Option<double> _qps = new("--kube-api-qps")
    {
        Description = "Client-side requests per second toward the Kubernetes API server.",
        DefaultValueFactory = _ => 20,
    };

    private readonly Option<int> _burst = new("--kube-api-burst")
    {
        Description = "Client-side burst toward the Kubernetes API server.",
        DefaultValueFactory = _ => 30,
    };

    private readonly Option<int> _concurrency = new("--max-concurrent-reconciles")
    {
        Description = "Workers per controller.",
        DefaultValueFactory = _ => 1,
    };

    private readonly Option<string[]> _controllers = new("--controllers")
    {
        Description = "Controllers to run, comma-separated: dbsystem (the MySQL DbSystem controller), rgd (the ResourceGraphDefinition engine).",
        DefaultValueFactory = _ => [.. OperatorSettings.AvailableControllers],
        AllowMultipleArgumentsPerToken = true,
        CustomParser = result => [.. result.Tokens.SelectMany(t => t.Value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))],
    };

    private readonly Option<int> _instanceWorkers = OptionRules.Count(
        "--dynamic-controller-concurrent-reconciles",
        "Workers per ResourceGraphDefinition kind: how many instances of one kind are reconciled at the same time (never one instance twice). kro's flag; kro shares its workers between all kinds.",
        2,
        256);

    private readonly Option<bool> _allowCrdDeletion = new("--allow-crd-deletion")
    {
        Description = "Delete a ResourceGraphDefinition's generated CRD (and so every instance of its kind) when the RGD is deleted. Off by default: the CRD and the instances stay.",
    };

    private readonly Option<string?> _namespace = new("--namespace")
    {
        Description = "Watch only this namespace (default: all namespaces).",
    };

    private readonly Option<TimeSpan> _resync = OptionRules.Duration(
        "--dbsystem-resync-period",
        "How often an ACTIVE DbSystem is read again from OCI to refresh status and catch out-of-band changes (e.g. 10m or 00:10:00).",
        TimeSpan.FromMinutes(10));

    private readonly Option<TimeSpan?> _pollInterval = OptionRules.OptionalDuration(
        "--dbsystem-poll-interval",
        "First interval between reads of a DbSystem while OCI works on it (it grows to four times that; default 10s).");

    private readonly Option<TimeSpan?> _ociRetryBaseDelay = OptionRules.OptionalDuration(
        "--oci-retry-base-delay",
        "Wait before the first retry of a failed OCI call (429, 5xx, network); it doubles per attempt up to 30s, plus up to the same again as jitter (default 1s, as OCI's SDKs).");

    private readonly Option<TimeSpan> _cacheSyncTimeout = OptionRules.Duration(
        "--cache-sync-timeout",
        "How long the manager waits at start for its caches to sync before it exits with an error (e.g. 2m).",
        TimeSpan.FromMinutes(2));

    private readonly Option<TimeSpan> _crdWaitTimeout = OptionRules.Duration(
        "--crd-wait-timeout",
        "How long the start waits for the CRDs of the selected controllers (dbsystems.mysql.oracle.com, resourcegraphdefinitions.kro.run) to be served before it exits with an error saying how to install them (e.g. 30s; 0 checks once).",
        TimeSpan.FromSeconds(30));

    private readonly Option<TimeSpan> _gracefulShutdownTimeout = OptionRules.Duration(
        "--graceful-shutdown-timeout",
        "How long in-flight reconciles may finish after SIGTERM before they are cancelled (e.g. 30s).",
        TimeSpan.FromSeconds(30));

    private readonly Option<TimeSpan> _leaseDuration = OptionRules.Duration(
        "--leader-elect-lease-duration",
        "How long a leader's Lease is valid without renewal; a standby takes over after it (e.g. 15s).",
        TimeSpan.FromSeconds(15));

    private readonly Option<TimeSpan> _renewDeadline = OptionRules.Duration(
        "--leader-elect-renew-deadline",
        "How long the leader keeps trying to renew before it gives up leading (e.g. 10s).",
        TimeSpan.FromSeconds(10));

    private readonly Option<TimeSpan> _retryPeriod = OptionRules.Duration(
        "--leader-elect-retry-period",
        "How often candidates try to acquire or renew the Lease (e.g. 2s).",
        TimeSpan.FromSeconds(2));

    private readonly Option<string?> _authMode = new("--oci-auth-mode")
    {
        Description = "OCI auth: instance_principal (default, as OSOK), user_principal, security_token, resource_principal, oke_workload_identity. Default: OSOK's selection from the environment (the ocicredentials Secret).",
    };

    private readonly Option<string?> _region = new("--oci-region")
    {
        Description = "OCI region (e.g. us-ashburn-1); default: from the auth configuration or instance metadata.",
    };

    private readonly Option<string?> _mysqlEndpoint = new("--oci-mysql-endpoint")
    {
        Description = "MySQL API endpoint including its version path (e.g. https://mysql.us-ashburn-1.oci.oraclecloud.com/20190415); default: from the region.",
    };

    public void AddTo(Command command)
    {
        ArgumentNullException.ThrowIfNull(command);
        _controllers.Validators.Add(result =>
        {
            foreach (var name in result.GetValueOrDefault<string[]>() ?? [])
            {
                if (!OperatorSettings.AvailableControllers.Contains(name, StringComparer.OrdinalIgnoreCase))
                {
                    result.AddError($"Unknown controller '{name}' in --controllers (available: {string.Join(", ", OperatorSettings.AvailableControllers)}).");
                }
            }
        });
        _logLevel.AcceptOnlyFromAmong("debug", "info", "warn", "error");
        _logFormat.AcceptOnlyFromAmong("json", "console");
        command.Options.Add(_logLevel);
        command.Options.Add(_logFormat);
        _zap.AddTo(command, _logLevel, _logFormat);
        command.Options.Add(_controllers);
        command.Options.Add(_allowCrdDeletion);
        command.Options.Add(_instanceWorkers);
        command.Options.Add(_namespace);
        command.Options.Add(_resync);
        command.Options.Add(_pollInterval);
        command.Options.Add(_ociRetryBaseDelay);
        command.Options.Add(_authMode);
        command.Options.Add(_region);
        _mysqlEndpoint.Validators.Add(result =>
        {
            var value = result.GetValueOrDefault<string?>();
            if (value is not null && !(Uri.TryCreate(value, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https"))
            {
                result.AddError($"--oci-mysql-endpoint must be an absolute http(s) URL, not '{value}'.");
            }
        });
        command.Options.Add(_mysqlEndpoint);
        command.Options.Add(_metrics);
        command.Options.Add(_probes);
        command.Options.Add(_leaderElect);
        command.Options.Add(_leaderElectionNamespace);
        command.Options.Add(_leaseDuration);
        command.Options.Add(_renewDeadline);
        command.Options.Add(_retryPeriod);
        command.Options.Add(_cacheSyncTimeout);
        command.Options.Add(_crdWaitTimeout);
        command.Options.Add(_gracefulShutdownTimeout);
        command.Options.Add(_qps);
        command.Options.Add(_burst);
        command.Options.Add(_concurrency);
    }

    /// <summary>Whether --metrics-bind-address was on the command line (not its default).</summary>
    public bool MetricsGiven(ParseResult parse) => parse.GetResult(_metrics) is { Implicit: false };

    /// <summary>Whether --health-probe-bind-address was on the command line (not its default).</summary>
    public bool ProbesGiven(ParseResult parse) => parse.GetResult(_probes) is { Implicit: false };

    public OperatorSettings Read(ParseResult parse) => new()
    {
        MetricsBindAddress = parse.GetValue(_metrics)!,
        LogLevel = parse.GetValue(_logLevel) switch
        {
            "debug" => Microsoft.Extensions.Logging.LogLevel.Debug,
            "info" => Microsoft.Extensions.Logging.LogLevel.Information,
            "warn" => Microsoft.Extensions.Logging.LogLevel.Warning,
            "error" => Microsoft.Extensions.Logging.LogLevel.Error,
            _ => _zap.Level(parse),
        },
        JsonLogs = parse.GetResult(_logFormat) is { Implicit: false } || _zap.Json(parse) is not { } zapJson
            ? parse.GetValue(_logFormat) == "json"
            : zapJson,
        LogTimestampFormat = _zap.TimestampFormat(parse),
        HealthProbeBindAddress = parse.GetValue(_probes)!,
        LeaderElect = parse.GetValue(_leaderElect),
        LeaderElectionNamespace = parse.GetValue(_leaderElectionNamespace)!,
        LeaseDuration = parse.GetValue(_leaseDuration),
        RenewDeadline = parse.GetValue(_renewDeadline),
        RetryPeriod = parse.GetValue(_retryPeriod),
        CacheSyncTimeout = parse.GetValue(_cacheSyncTimeout),
        CrdWaitTimeout = parse.GetValue(_crdWaitTimeout),
        GracefulShutdownTimeout = parse.GetValue(_gracefulShutdownTimeout),
        Qps = parse.GetValue(_qps),
        Burst = parse.GetValue(_burst),
        MaxConcurrentReconciles = parse.GetValue(_concurrency),
        Controllers = parse.GetValue(_controllers) ?? [.. OperatorSettings.AvailableControllers],
        AllowCrdDeletion = parse.GetValue(_allowCrdDeletion),
        InstanceWorkers = parse.GetValue(_instanceWorkers),
        WatchNamespace = parse.GetValue(_namespace),
        DbSystemResyncPeriod = parse.GetValue(_resync),
        DbSystemPollInterval = parse.GetValue(_pollInterval),
        OciRetryBaseDelay = parse.GetValue(_ociRetryBaseDelay),
        OciAuthMode = parse.GetValue(_authMode),
        OciRegion = parse.GetValue(_region),
        OciMysqlEndpoint = parse.GetValue(_mysqlEndpoint) is { } endpoint ? new Uri(endpoint) : null,
    };
}
