using k8s;
using OciOperator.Sandbox.Kube;

namespace OciOperator.Testing;

/// <summary>A Sandbox API server on a free loopback port plus a real KubernetesClient pointed at it.</summary>
public sealed class KubeTestServer : IAsyncDisposable
{
    private KubeTestServer(KubeApiServer server, Kubernetes client)
    {
        Server = server;
        Client = client;
    }

    public KubeApiServer Server { get; }

    public Kubernetes Client { get; }

    public HttpClient Http { get; } = new();

    public static async Task<KubeTestServer> StartAsync(KubeApiServerOptions? options = null)
    {
        var server = await KubeApiServer.StartAsync(options ?? new KubeApiServerOptions());
        var config = new KubernetesClientConfiguration { Host = server.BaseAddress.ToString(), AccessToken = options?.BearerToken };
        return new KubeTestServer(server, new Kubernetes(config));
    }

    public Uri Url(string path) => new(Server.BaseAddress, path);

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        Http.Dispose();
        await Server.DisposeAsync();
    }
}
