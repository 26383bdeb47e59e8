using System.Net;
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
    private readonly LoopbackWebHost _host;
    private readonly ObjectStore _store;
    private int _disposed;

    private KubeApiServer(LoopbackWebHost host, ObjectStore store, SandboxFaults faults, string? token)
    {
        _host = host;
        _store = store;
        Faults = faults;
        _token = token;
    }

    /// <summary>The server's URL, e.g. <c>http://127.0.0.1:41234/</c>.</summary>
    public Uri BaseAddress => _host.BaseAddress;

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

        var store = new ObjectStore(options.WatchHistoryLimit, options.WatchHistoryByteLimit, options.WatchHistoryWindow, options.TimeProvider);
        var registry = new ResourceRegistry();
        var faults = new SandboxFaults(options.Random ?? new Random(), store.CompactHistory);
        var loggerFactory = options.LoggerFactory ?? NullLoggerFactory.Instance;
        var settings = new ApiServerSettings(options.TimeProvider, options.BookmarkInterval, options.BearerToken, options.RequestObserver);
        var handler = new KubeApiRouter(store, registry, settings, faults, loggerFactory.CreateLogger("OciOperator.Sandbox.Kube.KubeApiServer"));
        handler.Seed();

        var host = await LoopbackWebHost.StartAsync(address, options.Port, handler.HandleAsync, maxRequestBodySize: null, loggerFactory, ct)
            .ConfigureAwait(false);
        return new KubeApiServer(host, store, faults, options.BearerToken);
    }

    /// <summary>Stops listening and ends every open watch.</summary>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }

        _store.CloseSubscriptions(null);
        await _host.DisposeAsync().ConfigureAwait(false);
    }
}
