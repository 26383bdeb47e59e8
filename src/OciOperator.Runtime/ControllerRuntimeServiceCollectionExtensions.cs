using k8s;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using OciOperator.Runtime.Caching;
using OciOperator.Runtime.Client;
using OciOperator.Runtime.Controllers;
using OciOperator.Runtime.Events;
using OciOperator.Runtime.Health;
using OciOperator.Runtime.LeaderElection;
using OciOperator.Runtime.Manager;
using OciOperator.Runtime.Metrics;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;

namespace OciOperator.Runtime;

/// <summary>The one DI entry point of the runtime.</summary>
public static class ControllerRuntimeServiceCollectionExtensions
{
    /// <summary>The reporting controller of the Events the informers record (on objects they cannot decode).</summary>
    public const string InformerEventReporter = "oci-operator-informer";

    /// <summary>
    /// Registers the manager (a hosted service), informer cache, API client with client-side rate limiting, leader
    /// election, metrics (OpenTelemetry → Prometheus) and the probe/metrics server. Options bind from
    /// <paramref name="configuration"/> (usually the <c>ControllerRuntime</c> section) and are validated at start.
    /// A <see cref="KubernetesClientConfiguration"/> is used if registered, else the default one is built.
    /// Everything is <c>TryAdd</c>, so hosts and tests can replace any piece first.
    /// </summary>
    public static ControllerRuntimeBuilder AddControllerRuntime(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddOptions<ControllerRuntimeOptions>().Bind(configuration).ValidateDataAnnotations().ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<ControllerRuntimeOptions>, ControllerRuntimeOptionsValidator>());
        services.TryAddSingleton(sp => sp.GetRequiredService<IOptions<ControllerRuntimeOptions>>().Value);
        services.TryAddSingleton(TimeProvider.System);
        services.AddMetrics();
        services.TryAddSingleton(sp => new RuntimeMetrics(sp.GetService<System.Diagnostics.Metrics.IMeterFactory>()));
        services.TryAddSingleton(_ => KubernetesClientConfiguration.BuildDefaultConfig());
        services.TryAddSingleton(sp =>
        {
            var options = sp.GetRequiredService<ControllerRuntimeOptions>();
            var time = sp.GetRequiredService<TimeProvider>();
            var limiter = new ClientRateLimitingHandler(options.Qps, options.Burst, time);
            var requestMetrics = new ClientMetricsHandler(sp.GetRequiredService<RuntimeMetrics>().RestClient, time);
            return new Kubernetes(sp.GetRequiredService<KubernetesClientConfiguration>(), limiter, requestMetrics);
        });
        services.TryAddSingleton<IKubernetes>(sp => sp.GetRequiredService<Kubernetes>());
        services.TryAddSingleton<IKubeApi>(sp => new KubeApiClient(sp.GetRequiredService<Kubernetes>(), sp.GetRequiredService<TimeProvider>()));
        services.TryAddSingleton(sp => new InformerCache(
            sp.GetRequiredService<IKubeApi>(),
            sp.GetRequiredService<TimeProvider>(),
            sp.GetRequiredService<ILoggerFactory>(),
            new EventRecorder(sp.GetRequiredService<IKubeApi>(), InformerEventReporter, Environment.MachineName, sp.GetRequiredService<TimeProvider>(), sp.GetRequiredService<ILogger<EventRecorder>>())));
        services.TryAddSingleton<ILeaderElection>(sp => new LeaseLeaderElection(
            sp.GetRequiredService<IKubernetes>(),
            sp.GetRequiredService<ControllerRuntimeOptions>(),
            sp.GetRequiredService<TimeProvider>(),
            sp.GetRequiredService<ILogger<LeaseLeaderElection>>()));
        services.TryAddSingleton(sp => new ControllerManager(
            sp.GetRequiredService<IKubeApi>(),
            sp.GetRequiredService<InformerCache>(),
            sp.GetRequiredService<ControllerRuntimeOptions>(),
            sp.GetRequiredService<TimeProvider>(),
            sp.GetRequiredService<ILoggerFactory>(),
            sp.GetRequiredService<RuntimeMetrics>(),
            sp.GetRequiredService<ControllerRuntimeOptions>().LeaderElection ? sp.GetRequiredService<ILeaderElection>() : null,
            sp.GetServices<IControllerSetup>()));
        services.AddHostedService(sp => sp.GetRequiredService<ControllerManager>());
        services.TryAddSingleton(sp => new ProbeServer(
            sp.GetRequiredService<ControllerManager>(),
            sp.GetRequiredService<ControllerRuntimeOptions>(),
            sp.GetService<MeterProvider>(),
            sp.GetRequiredService<ILogger<ProbeServer>>()));
        services.AddHostedService(sp => sp.GetRequiredService<ProbeServer>());
        services.AddOpenTelemetry()
            .WithMetrics(metrics => metrics
                .AddMeter(RuntimeMetrics.MeterName)
                .AddRuntimeInstrumentation()
                .AddPrometheusExporter(o =>
                {
                    o.ScrapeResponseCacheDurationMilliseconds = 0;
                    o.ScopeInfoEnabled = false;
                }))
            .WithTracing(tracing => tracing.AddSource(Controller.ActivitySource.Name));
        return new ControllerRuntimeBuilder(services);
    }
}
