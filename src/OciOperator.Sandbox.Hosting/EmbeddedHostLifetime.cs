using Microsoft.Extensions.Hosting;

namespace OciOperator.Sandbox.Hosting;

/// <summary>
/// The host lifetime of a server embedded in another process (a test, the <c>oci-operator</c> command): it does not
/// listen for SIGINT/SIGTERM, so Ctrl-C belongs to the embedding process, which disposes the server itself.
/// (ASP.NET Core's default ConsoleLifetime would swallow the signal and stop only this server.)
/// </summary>
internal sealed class EmbeddedHostLifetime : IHostLifetime
{
    public Task WaitForStartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
