using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using OciOperator.Sandbox.Hosting;
using OciOperator.Sandbox.Kube.Http;
using OciOperator.Sandbox.Kube.Resources;
using OciOperator.Sandbox.Kube.Storage;

namespace OciOperator.Sandbox.Kube;

/// <summary>
/// The Sandbox Kubernetes API server: an in-memory cluster over HTTP on loopback that speaks the real wire
/// protocol, so the unmodified KubernetesClient and kubectl work against it.
/// </summary>
public sealed partial class KubeApiServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ObjectStore _store;
    private int _disposed;

    private KubeApiServer(WebApplication app, ObjectStore store, SandboxFaults faults, Uri baseAddress, string? token)
    {
        _app = app;
        _store = store;
        Faults = faults;
        BaseAddress = baseAddress;
        _token = token;
    }

    /// <summary>The server's URL, e.g. <c>http://127.0.0.1:41234/</c>.</summary>
    public Uri BaseAddress { get; }

    /// <summary>Fault-injection switches.</summary>
    public SandboxFaults Faults { get; }

    /// <summary>Starts a server and returns once it accepts connections.</summary>
    public static async Task<KubeApiServer> StartAsync(KubeApiServerOptions options, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (!IPAddress.TryParse(options.Host, out var address))
        {
            throw new ArgumentException($"Host must be an IP address, got \"{options.Host}\".", nameof(options));
        }

        var store = new ObjectStore(options.WatchHistoryLimit);
        var registry = new ResourceRegistry();
        var faults = new SandboxFaults(options.Random ?? new Random(), store.CompactHistory);
        var loggerFactory = options.LoggerFactory ?? NullLoggerFactory.Instance;
        var handler = new KubeApiHandler(store, registry, options, faults, loggerFactory.CreateLogger("OciOperator.Sandbox.Kube.KubeApiServer"));
        handler.Seed();

        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.Services.AddSingleton(loggerFactory);
        builder.Services.AddSingleton<IHostLifetime, EmbeddedHostLifetime>();
        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            kestrel.Listen(address, options.Port);
            kestrel.Limits.MaxRequestBodySize = null;
            kestrel.AddServerHeader = false;
        });
        var app = builder.Build();
        app.Run(handler.HandleAsync);
        await app.StartAsync(ct).ConfigureAwait(false);
        var bound = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        var port = new Uri(bound).Port;
        var baseAddress = new Uri($"http://{(address.AddressFamily == System.Net.Sockets.AddressFamily.InterNetworkV6 ? "[" + options.Host + "]" : options.Host)}:{port}/");
        return new KubeApiServer(app, store, faults, baseAddress, options.BearerToken);
    }

    /// <summary>Stops listening and ends every open watch.</summary>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }

        _store.CloseSubscriptions(null);
        using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(5));
        await _app.StopAsync(stop.Token).ConfigureAwait(false);
        await _app.DisposeAsync().ConfigureAwait(false);
    }
}
