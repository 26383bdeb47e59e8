using System.Collections;
using System.Reflection;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace OciOperator.Hosting;

/// <summary>
/// OpenTelemetry export configured by the standard <c>OTEL_*</c> environment variables: traces (reconciles, OCI calls)
/// and metrics go to an OTLP endpoint (<c>OTEL_EXPORTER_OTLP_ENDPOINT</c>, <c>OTEL_EXPORTER_OTLP_PROTOCOL</c>
/// <c>grpc</c> or <c>http/protobuf</c>, <c>OTEL_EXPORTER_OTLP_HEADERS</c>, the per-signal variants, <c>OTEL_BSP_*</c>)
/// when <c>OTEL_TRACES_EXPORTER</c>/<c>OTEL_METRICS_EXPORTER</c> say <c>otlp</c>, or are unset and an endpoint is set;
/// <c>none</c> turns a signal off. The resource's <c>service.name</c> is <c>oci-operator</c> and its
/// <c>service.version</c> the assembly's, unless <c>OTEL_SERVICE_NAME</c> or <c>OTEL_RESOURCE_ATTRIBUTES</c> say
/// otherwise. The Prometheus endpoint is served either way.
/// </summary>
internal static class OperatorTelemetry
{
    public const string DefaultServiceName = "oci-operator";

    private const string Otlp = "otlp";

    /// <summary>The OTEL_* variables of the process environment (the SDK reads them from the host's configuration).</summary>
    public static IReadOnlyDictionary<string, string?> FromEnvironment()
    {
        var variables = new Dictionary<string, string?>(StringComparer.Ordinal);
        foreach (DictionaryEntry entry in Environment.GetEnvironmentVariables())
        {
            if (entry.Key is string key && key.StartsWith("OTEL_", StringComparison.Ordinal))
            {
                variables[key] = entry.Value as string;
            }
        }

        return variables;
    }

    /// <summary>The service version written on every span and metric: the assembly's informational version.</summary>
    public static string ServiceVersion { get; } =
        typeof(OperatorTelemetry).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion.Split('+')[0]
        ?? typeof(OperatorTelemetry).Assembly.GetName().Version?.ToString()
        ?? "0.0.0";

    /// <summary>What is wrong with the OTEL_* settings (an exporter this process cannot use), or null.</summary>
    public static string? Problem(IReadOnlyDictionary<string, string?> environment)
    {
        ArgumentNullException.ThrowIfNull(environment);
        foreach (var (variable, allowed) in new[] { ("OTEL_TRACES_EXPORTER", new[] { Otlp, "none" }), ("OTEL_METRICS_EXPORTER", new[] { Otlp, "prometheus", "none" }) })
        {
            var unknown = Exporters(environment, variable).FirstOrDefault(e => !allowed.Contains(e));
            if (unknown is not null)
            {
                return $"{variable}={environment[variable]} names the exporter '{unknown}', which oci-operator does not have (use {string.Join(", ", allowed)}).";
            }
        }

        var protocol = environment.GetValueOrDefault("OTEL_EXPORTER_OTLP_PROTOCOL");
        return string.IsNullOrEmpty(protocol) || protocol is "grpc" or "http/protobuf"
            ? null
            : $"OTEL_EXPORTER_OTLP_PROTOCOL={protocol} is not supported (use grpc or http/protobuf).";
    }

    /// <summary>
    /// Puts the OTEL_* variables where the SDK reads them, sets the resource and adds the OTLP exporters the
    /// variables ask for. The runtime has registered the sources and meters; this only decides where they go.
    /// </summary>
    public static void Configure(IServiceCollection services, IConfigurationBuilder configuration, IReadOnlyDictionary<string, string?> environment)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);
        ArgumentNullException.ThrowIfNull(environment);
        configuration.AddInMemoryCollection(environment);
        var builder = services.AddOpenTelemetry()
            .ConfigureResource(resource => resource
                .AddService(DefaultServiceName, serviceVersion: ServiceVersion)
                // The user's OTEL_SERVICE_NAME and OTEL_RESOURCE_ATTRIBUTES win over our defaults (read after them).
                .AddEnvironmentVariableDetector());
        if (Exports(environment, "OTEL_TRACES_EXPORTER", "OTEL_EXPORTER_OTLP_TRACES_ENDPOINT"))
        {
            builder.WithTracing(tracing => tracing.AddOtlpExporter());
        }

        if (Exports(environment, "OTEL_METRICS_EXPORTER", "OTEL_EXPORTER_OTLP_METRICS_ENDPOINT"))
        {
            builder.WithMetrics(metrics => metrics.AddOtlpExporter());
        }
    }

    /// <summary>
    /// Whether a signal goes to OTLP: its exporter variable names <c>otlp</c>, or is unset while an OTLP endpoint is
    /// set (unlike the SDK default, no endpoint means no export, so a cluster without a collector sees no errors).
    /// </summary>
    internal static bool Exports(IReadOnlyDictionary<string, string?> environment, string exporterVariable, string signalEndpointVariable)
    {
        var exporters = Exporters(environment, exporterVariable);
        if (exporters.Count > 0)
        {
            return exporters.Contains(Otlp);
        }

        return !string.IsNullOrEmpty(environment.GetValueOrDefault("OTEL_EXPORTER_OTLP_ENDPOINT"))
               || !string.IsNullOrEmpty(environment.GetValueOrDefault(signalEndpointVariable));
    }

    private static List<string> Exporters(IReadOnlyDictionary<string, string?> environment, string variable) =>
        [.. (environment.GetValueOrDefault(variable) ?? string.Empty)
            .Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(e => e.ToLowerInvariant())];
}
