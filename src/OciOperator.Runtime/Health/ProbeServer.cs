using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using OciOperator.Runtime.Manager;
using OpenTelemetry.Metrics;

namespace OciOperator.Runtime.Health;

/// <summary>
/// Serves <c>/healthz</c> (200 while the manager runs: not while its caches first sync, not after it failed or
/// stopped) and <c>/readyz</c> (200 while, besides, every informer is synced now and the lease state is known; the
/// body of a 503 says why) on the health-probe address and the Prometheus scrape endpoint
/// (<c>/metrics</c>) on the metrics address, each on its own small Kestrel server. An address of <c>0</c> disables it.
/// </summary>
public sealed partial class ProbeServer(ControllerManager manager, ControllerRuntimeOptions options, MeterProvider? meterProvider, ILogger<ProbeServer> logger) : IHostedService, IAsyncDisposable
{
    private WebApplication? _health;
    private WebApplication? _metrics;

    /// <summary>The bound health address (with the real port), once started.</summary>
    public Uri? HealthAddress { get; private set; }

    /// <summary>The bound metrics address (with the real port), once started.</summary>
    public Uri? MetricsAddress { get; private set; }

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (BindAddress.TryParse(options.HealthProbeBindAddress, out var health) && health is { } h)
        {
            _health = CreateApp(h);
            _health.MapGet("/healthz", () => manager.IsHealthy
                ? Results.Text("ok")
                : Results.Text(manager.NotRunningReason, statusCode: StatusCodes.Status500InternalServerError));
            _health.MapGet("/readyz", () => manager.IsReady
                ? Results.Text("ok")
                : Results.Text(string.Join('\n', manager.NotReadyReasons), statusCode: StatusCodes.Status503ServiceUnavailable));
            await _health.StartAsync(cancellationToken).ConfigureAwait(false);
            HealthAddress = BoundAddress(_health);
            LogListening(logger, "health probes", HealthAddress);
        }

        if (meterProvider is not null && BindAddress.TryParse(options.MetricsBindAddress, out var metrics) && metrics is { } m)
        {
            _metrics = CreateApp(m);
            _metrics.MapPrometheusScrapingEndpoint("/metrics", meterProvider, null, null!);
            await _metrics.StartAsync(cancellationToken).ConfigureAwait(false);
            MetricsAddress = BoundAddress(_metrics);
            LogListening(logger, "metrics", MetricsAddress);
        }
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        if (_health is not null)
        {
            await _health.StopAsync(cancellationToken).ConfigureAwait(false);
        }

        if (_metrics is not null)
        {
            await _metrics.StopAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_health is not null)
        {
            await _health.DisposeAsync().ConfigureAwait(false);
        }

        if (_metrics is not null)
        {
            await _metrics.DisposeAsync().ConfigureAwait(false);
        }
    }

    private static WebApplication CreateApp(BindAddress address)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls(address.ToUrl());
        return builder.Build();
    }

    private static Uri BoundAddress(WebApplication app)
    {
        var addresses = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses;
        var first = addresses?.FirstOrDefault() ?? throw new InvalidOperationException("the server reported no address");
        return new Uri(first.Replace("0.0.0.0", "127.0.0.1", StringComparison.Ordinal).Replace("[::]", "127.0.0.1", StringComparison.Ordinal));
    }

    [LoggerMessage(EventId = 1400, Level = LogLevel.Information, Message = "Serving {What} on {Address}")]
    private static partial void LogListening(ILogger logger, string what, Uri address);
}
