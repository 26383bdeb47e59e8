using k8s;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using OciOperator.Oci;
using OciOperator.Runtime.Client;
using OciOperator.Runtime.Manager;

namespace OciOperator.Hosting;

/// <summary>
/// Starts the operator host, reports where it serves, and runs it until the token is cancelled or the manager
/// fails. A dead manager never leaves a live process: a failure stops the host and makes the exit code 1.
/// </summary>
internal static class OperatorRun
{
    /// <summary>
    /// Starts the host and waits until the manager runs (its caches synced). Null when it could not start: the
    /// reason is written to <paramref name="error"/>, or the token was cancelled.
    /// </summary>
    public static async Task<IHost?> StartAsync(OperatorSettings settings, KubernetesClientConfiguration kubernetes, bool verbose, TextWriter error, CancellationToken ct)
    {
        var telemetry = OperatorTelemetry.FromEnvironment();
        if (OperatorTelemetry.Problem(telemetry) is { } problem)
        {
            await error.WriteLineAsync("error: " + problem).ConfigureAwait(false);
            return null;
        }

        if (await CheckCrdsAsync(settings, kubernetes, ct).ConfigureAwait(false) is { } missing)
        {
            await error.WriteLineAsync(missing).ConfigureAwait(false);
            return null;
        }

        if (ct.IsCancellationRequested)
        {
            return null;
        }

        var host = OperatorHost.Build(settings, kubernetes, verbose, telemetry);
        try
        {
            await host.StartAsync(ct).ConfigureAwait(false);
        }
        catch (OptionsValidationException e)
        {
            await error.WriteLineAsync("error: invalid operator settings: " + string.Join("; ", e.Failures)).ConfigureAwait(false);
            host.Dispose();
            return null;
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            host.Dispose();
            return null;
        }
        catch (OciConfigurationException e)
        {
            await error.WriteLineAsync($"error: OCI authentication is not configured correctly: {e.Message} Set --oci-auth-mode, or the ocicredentials Secret's keys (see README).").ConfigureAwait(false);
            host.Dispose();
            return null;
        }
        catch (IOException e)
        {
            await error.WriteLineAsync($"error: the operator could not listen: {e.Message}. Choose other --metrics-bind-address/--health-probe-bind-address, or 0 to disable one.").ConfigureAwait(false);
            host.Dispose();
            return null;
        }

        var manager = host.Services.GetRequiredService<ControllerManager>();
        try
        {
            await manager.WaitUntilRunningAsync(ct).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested || manager.Failure is null)
        {
            await StopAsync(host).ConfigureAwait(false);
            return null;
        }
#pragma warning disable CA1031 // Whatever the manager failed with is reported as the reason it could not start.
        catch (Exception) when (manager.Failure is { } failure)
#pragma warning restore CA1031
        {
            await error.WriteLineAsync($"error: the operator could not start: {failure.Message}").ConfigureAwait(false);
            await StopAsync(host).ConfigureAwait(false);
            return null;
        }

        return host;
    }

    /// <summary>The error line when a selected controller's CRD is not served (see <see cref="CrdPreflight"/>), else null.</summary>
    private static async Task<string?> CheckCrdsAsync(OperatorSettings settings, KubernetesClientConfiguration kubernetes, CancellationToken ct)
    {
        using var client = new Kubernetes(kubernetes);
        try
        {
            return await CrdPreflight.CheckAsync(new KubeApiClient(client, TimeProvider.System, TimeSpan.FromSeconds(10)), settings, settings.CrdWaitTimeout, TimeProvider.System, ct).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            return null;
        }
    }

    /// <summary>
    /// Runs the started host until <paramref name="ct"/> fires (exit code 0) or the manager fails (its reason on
    /// <paramref name="error"/>, exit code 1); stops the host either way.
    /// </summary>
    public static async Task<int> RunUntilStoppedAsync(IHost host, TextWriter output, TextWriter error, CancellationToken ct)
    {
        var manager = host.Services.GetRequiredService<ControllerManager>();
        var managerEnded = manager.ExecuteTask ?? Task.CompletedTask;
        var signalled = Task.Delay(Timeout.Infinite, ct);
        await Task.WhenAny(managerEnded, signalled).ConfigureAwait(false);
        if (manager.Failure is { } failure)
        {
            await error.WriteLineAsync($"error: the operator stopped: {failure.Message}").ConfigureAwait(false);
            await StopAsync(host).ConfigureAwait(false);
            return 1;
        }

        await output.WriteLineAsync("Stopping the operator.").ConfigureAwait(false);
        await StopAsync(host).ConfigureAwait(false);
        return manager.Failure is null ? 0 : 1;
    }

    /// <summary>One line saying where the operator works and serves.</summary>
    public static string Describe(IHost host, KubernetesClientConfiguration kubernetes)
    {
        var (health, metrics) = OperatorHost.Endpoints(host);
        return $"Operator running against {kubernetes.Host}: probes {health?.ToString() ?? "off"} (/healthz, /readyz), metrics {metrics?.ToString() ?? "off"} (/metrics)";
    }

    public static async Task StopAsync(IHost host)
    {
        // The host's own ShutdownTimeout (grace period + slack) bounds the stop; this is a backstop.
        using var stop = new CancellationTokenSource(host.Services.GetRequiredService<IOptions<HostOptions>>().Value.ShutdownTimeout + TimeSpan.FromSeconds(5));
        await host.StopAsync(stop.Token).ConfigureAwait(false);
        host.Dispose();
    }
}
