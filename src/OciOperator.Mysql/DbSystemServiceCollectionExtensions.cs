using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using OciOperator.Mysql.Controllers;
using OciOperator.Mysql.Diagnostics;
using OciOperator.Oci.Telemetry;
using OciOperator.Runtime;
using OciOperator.Runtime.Manager;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;

namespace OciOperator.Mysql;

/// <summary>DI registration of the DbSystem controller.</summary>
public static class DbSystemServiceCollectionExtensions
{
    /// <summary>
    /// Adds the DbSystem controller to the controller runtime: options from <paramref name="configuration"/> (the
    /// <c>DbSystem</c> section, validated at start) and its metrics (and the OCI client's) for the Prometheus endpoint. Needs the OCI client (<c>AddOciClient</c>).
    /// </summary>
    public static ControllerRuntimeBuilder AddDbSystemController(this ControllerRuntimeBuilder builder, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(configuration);
        builder.Services.AddOptions<DbSystemControllerOptions>().Bind(configuration).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.TryAddSingleton(sp => sp.GetRequiredService<IOptions<DbSystemControllerOptions>>().Value);
        builder.Services.TryAddSingleton(sp => new DbSystemMetrics(sp.GetService<System.Diagnostics.Metrics.IMeterFactory>()));
        builder.Services.ConfigureOpenTelemetryMeterProvider(metrics => metrics.AddMeter(DbSystemMetrics.MeterName, OciTelemetry.Name));
        builder.Services.ConfigureOpenTelemetryTracerProvider(tracing => tracing.AddSource(OciTelemetry.Name));
        return builder.AddController<DbSystemControllerSetup>();
    }
}
