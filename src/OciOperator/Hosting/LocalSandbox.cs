using Microsoft.Extensions.Logging;
using OciOperator.Sandbox.Kube;
using OciOperator.Sandbox.Kube.Simulators;
using OciOperator.Sandbox.Oci;

namespace OciOperator.Hosting;

/// <summary>
/// The embedded default environment: the Sandbox Kubernetes API server, the workload simulators that play kubelet,
/// kube-controller-manager and a cloud controller, and the OCI emulator — started together, stopped together.
/// </summary>
internal sealed class LocalSandbox : IAsyncDisposable
{
    private LocalSandbox(KubeApiServer kube, OciEmulator oci, WorkloadSimulators? simulators)
    {
        Kube = kube;
        Oci = oci;
        Simulators = simulators;
    }

    public KubeApiServer Kube { get; }

    public OciEmulator Oci { get; }

    public WorkloadSimulators? Simulators { get; }

    public static async Task<LocalSandbox> StartAsync(LocalSandboxOptions options, ILoggerFactory loggerFactory, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(options);
        var kube = await KubeApiServer.StartAsync(
            new KubeApiServerOptions { Port = options.ApiPort, LoggerFactory = loggerFactory },
            ct).ConfigureAwait(false);
        OciEmulator? oci = null;
        try
        {
            oci = await OciEmulator.StartAsync(
                EmulatorSettings(options, loggerFactory),
                ct).ConfigureAwait(false);
            var simulators = options.Simulators
                ? WorkloadSimulators.Start(kube.BaseAddress, SimulatorSettings(options.Delays, loggerFactory))
                : null;
            return new LocalSandbox(kube, oci, simulators);
        }
        catch
        {
            if (oci is not null)
            {
                await oci.DisposeAsync().ConfigureAwait(false);
            }

            await kube.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    private static OciEmulatorOptions EmulatorSettings(LocalSandboxOptions options, ILoggerFactory loggerFactory)
    {
        var defaults = new OciEmulatorOptions();
        return new OciEmulatorOptions
        {
            Port = options.OciPort,
            LoggerFactory = loggerFactory,
            CreateDelay = options.Delays.DbSystemCreate ?? defaults.CreateDelay,
            // The operator authenticates at its first DbSystem: its keys should not be what that DbSystem waits for.
            PrepareIdentity = true,
        };
    }

    private static SimulatorOptions SimulatorSettings(SandboxDelays delays, ILoggerFactory loggerFactory)
    {
        var defaults = new SimulatorOptions();
        return new SimulatorOptions
        {
            LoggerFactory = loggerFactory,
            JobDuration = delays.JobRun ?? defaults.JobDuration,
            DeploymentRolloutDelay = delays.DeploymentRollout ?? defaults.DeploymentRolloutDelay,
            LoadBalancerDelay = delays.LoadBalancer ?? defaults.LoadBalancerDelay,
        };
    }

    public async ValueTask DisposeAsync()
    {
        if (Simulators is not null)
        {
            await Simulators.DisposeAsync().ConfigureAwait(false);
        }

        await Oci.DisposeAsync().ConfigureAwait(false);
        await Kube.DisposeAsync().ConfigureAwait(false);
    }
}
