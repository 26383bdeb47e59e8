using System.Net;
using System.Net.Sockets;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace OciOperator.Sandbox.Hosting;

/// <summary>
/// A minimal Kestrel host embedded in another process: one request delegate, one address, no configuration read from
/// files, environment or command line, no signal handling (see <see cref="EmbeddedHostLifetime"/>), no Server header.
/// Both Sandbox servers (the Kubernetes API server and the OCI emulator) start through it.
/// </summary>
public sealed class LoopbackWebHost : IAsyncDisposable
{
    private static readonly TimeSpan StopTimeout = TimeSpan.FromSeconds(5);
    private readonly WebApplication _app;
    private int _disposed;

    private LoopbackWebHost(WebApplication app, Uri baseAddress)
    {
        _app = app;
        BaseAddress = baseAddress;
    }

    /// <summary><c>http://host:port/</c> with the port actually bound (port 0 asks for a free one).</summary>
    public Uri BaseAddress { get; }

    /// <summary>Starts listening on <paramref name="address"/>:<paramref name="port"/> and returns once connections are accepted.</summary>
    /// <param name="maxRequestBodySize">The request body limit in bytes; <see langword="null"/> for none.</param>
    /// <param name="loggerFactory">Where Kestrel's own logs go; <see langword="null"/> for nowhere.</param>
    public static async Task<LoopbackWebHost> StartAsync(
        IPAddress address,
        int port,
        RequestDelegate handler,
        long? maxRequestBodySize,
        ILoggerFactory? loggerFactory,
        CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(address);
        ArgumentNullException.ThrowIfNull(handler);

        // An empty builder: no appsettings, environment or command-line configuration leaks into the server.
        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions());
        builder.WebHost.UseKestrelCore();
        if (loggerFactory is not null)
        {
            builder.Services.AddSingleton(loggerFactory);
        }

        builder.Services.AddSingleton<IHostLifetime, EmbeddedHostLifetime>();
        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            kestrel.AddServerHeader = false;
            kestrel.Limits.MaxRequestBodySize = maxRequestBodySize;
            kestrel.Listen(address, port);
        });
        var app = builder.Build();
        app.Run(handler);
        try
        {
            await app.StartAsync(ct).ConfigureAwait(false);
        }
        catch
        {
            await app.DisposeAsync().ConfigureAwait(false);
            throw;
        }

        var bound = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses.FirstOrDefault();
        if (bound is null)
        {
            await app.DisposeAsync().ConfigureAwait(false);
            throw new InvalidOperationException("Kestrel did not report a listening address.");
        }

        var host = address.AddressFamily == AddressFamily.InterNetworkV6 ? $"[{address}]" : address.ToString();
        return new LoopbackWebHost(app, new Uri($"http://{host}:{new Uri(bound).Port}/"));
    }

    /// <summary>Stops listening, waits up to five seconds for open requests, then aborts the rest.</summary>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }

        using var stopTimeout = new CancellationTokenSource(StopTimeout, TimeProvider.System);
        try
        {
            await _app.StopAsync(stopTimeout.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (stopTimeout.IsCancellationRequested)
        {
            // Kestrel gave up waiting for open connections; they are aborted by DisposeAsync below.
        }

        await _app.DisposeAsync().ConfigureAwait(false);
    }
}
