using k8s;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using OciOperator.Mysql;
using OciOperator.Mysql.Controllers;
using OciOperator.Oci;
using OciOperator.ResourceGraph;
using OciOperator.ResourceGraph.Definitions;
using OciOperator.Runtime;
using OciOperator.Runtime.Health;
using OciOperator.Runtime.Manager;

namespace OciOperator.Hosting;

/// <summary>
/// The operator process: the controller manager (informer caches, controllers, leader election) with its
/// health-probe and metrics endpoints, against one Kubernetes API server. <c>run</c> points it at a cluster,
/// <c>sandbox</c> at the embedded Sandbox.
/// </summary>
internal static class OperatorHost
{
    public static IHost Build(OperatorSettings settings, KubernetesClientConfiguration kubernetes, bool verbose, IReadOnlyDictionary<string, string?>? telemetry = null)
    {
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Configuration.AddInMemoryCollection(settings.ToConfiguration());
        OperatorTelemetry.Configure(builder.Services, builder.Configuration, telemetry ?? OperatorTelemetry.FromEnvironment());
        ConfigureLogging(builder.Logging, settings, verbose);
        builder.Services.AddSingleton(kubernetes);
        builder.Services.Configure<HostOptions>(host =>
        {
            // In-flight reconciles get the manager's grace period; the host waits a little longer for them.
            host.ShutdownTimeout = settings.GracefulShutdownTimeout + TimeSpan.FromSeconds(10);
            host.BackgroundServiceExceptionBehavior = BackgroundServiceExceptionBehavior.StopHost;
        });
        var runtime = builder.Services.AddControllerRuntime(builder.Configuration.GetSection(ControllerRuntimeOptions.SectionName));
        if (settings.RunsDbSystem)
        {
            builder.Services.AddOciClient(builder.Configuration.GetSection(OciClientOptions.SectionName));
            runtime.AddDbSystemController(builder.Configuration.GetSection(DbSystemControllerOptions.SectionName));
        }

        if (settings.RunsRgd)
        {
            runtime.AddResourceGraphController(builder.Configuration.GetSection(ResourceGraphControllerOptions.SectionName));
        }

        return builder.Build();
    }

    /// <summary>--log-format and --log-level (or --verbose): JSON lines or single-line console text.</summary>
    public static void ConfigureLogging(ILoggingBuilder logging, OperatorSettings settings, bool verbose)
    {
        ArgumentNullException.ThrowIfNull(logging);
        ArgumentNullException.ThrowIfNull(settings);
        if (settings.JsonLogs)
        {
            logging.AddJsonConsole(json =>
            {
                json.TimestampFormat = settings.LogTimestampFormat;
                json.UseUtcTimestamp = true;
            });
        }
        else
        {
            logging.AddSimpleConsole(console =>
            {
                console.SingleLine = true;
                console.TimestampFormat = settings.LogTimestampFormat is { } format ? format + " " : null;
                console.UseUtcTimestamp = true;
            });
        }

        logging.SetMinimumLevel(settings.LogLevel ?? (verbose ? LogLevel.Information : LogLevel.Warning));
    }

    /// <summary>Where the probes and metrics are served, once the host has started (null when disabled).</summary>
    public static (Uri? Health, Uri? Metrics) Endpoints(IHost host)
    {
        var probes = host.Services.GetRequiredService<ProbeServer>();
        return (probes.HealthAddress, probes.MetricsAddress);
    }
}
