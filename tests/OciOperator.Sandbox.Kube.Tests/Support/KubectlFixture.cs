namespace OciOperator.Sandbox.Kube.Tests.Support;

/// <summary>
/// Base of the fixtures that drive the real kubectl: a fresh Sandbox and a kubectl bound to it per test (skipped
/// where kubectl is not installed), both disposed after the test.
/// </summary>
public abstract class KubectlFixture : IAsyncDisposable
{
    private KubeTestServer? _server;
    private KubectlRunner? _kubectl;

    private protected KubeTestServer Server => _server!;

    private protected KubectlRunner Kubectl => _kubectl!;

    [SetUp]
    public async Task StartSandboxAndKubectl()
    {
        if (!KubectlRunner.Available)
        {
            Assert.Ignore("kubectl is not installed at /usr/bin/kubectl");
        }

        _server = await KubeTestServer.StartAsync();
        _kubectl = new KubectlRunner(_server.Server.BuildKubeconfig());
    }

    [TearDown]
    public async Task StopSandboxAndKubectl() => await DisposeAsync();

    public async ValueTask DisposeAsync()
    {
        _kubectl?.Dispose();
        _kubectl = null;
        if (_server is not null)
        {
            await _server.DisposeAsync();
            _server = null;
        }

        GC.SuppressFinalize(this);
    }
}
