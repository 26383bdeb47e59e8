using k8s;
using OciOperator.Sandbox.Kube;

namespace OciOperator.Sandbox.Kube.Tests.Support;

/// <summary>
/// A fresh Sandbox API server (and a KubernetesClient for it) per test: started before each test, disposed after it.
/// Derived fixtures choose the server's options and may arrange more once it runs.
/// </summary>
public abstract class KubeServerTest : IAsyncDisposable
{
    private KubeTestServer? _server;

    /// <summary>The running server.</summary>
    internal KubeTestServer Server => _server ?? throw new InvalidOperationException("The server runs only during a test.");

    /// <summary>A KubernetesClient for <see cref="Server"/>.</summary>
    protected IKubernetes Client => Server.Client;

    /// <summary>Options for the server (null: the defaults).</summary>
    protected virtual KubeApiServerOptions? ServerOptions => null;

    [SetUp]
    public async Task StartServerAsync()
    {
        _server = await KubeTestServer.StartAsync(ServerOptions);
        await OnServerStartedAsync();
    }

    [TearDown]
    public async Task StopServerAsync() => await DisposeAsync();

    public async ValueTask DisposeAsync()
    {
        if (_server is not null)
        {
            await _server.DisposeAsync();
            _server = null;
        }

        GC.SuppressFinalize(this);
    }

    /// <summary>Arranges what every test of the fixture needs, once the server runs.</summary>
    protected virtual Task OnServerStartedAsync() => Task.CompletedTask;
}
