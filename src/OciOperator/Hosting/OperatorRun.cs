using k8s;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using OciOperator.Oci;

namespace OciOperator.Hosting;

/// <summary>Starts the operator host, reports where it serves, and runs it until the token is cancelled.</summary>
internal static class OperatorRun
{
    /// <summary>Null when it could not start: the reason is written to <paramref name="error"/>, or the token was cancelled.</summary>
    public static async Task<IHost?> StartAsync(OperatorSettings settings, KubernetesClientConfiguration kubernetes, bool verbose, TextWriter error, CancellationToken ct)
    {
        var host = OperatorHost.Build(settings, kubernetes, verbose);
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

        return host;
    }

    /// <summary>One line saying where the operator works and serves.</summary>
    public static string Describe(IHost host, KubernetesClientConfiguration kubernetes)
    {
        var (health, metrics) = OperatorHost.Endpoints(host);
        return $"Operator running against {kubernetes.Host}: probes {health?.ToString() ?? "off"} (/healthz, /readyz), metrics {metrics?.ToString() ?? "off"} (/metrics)";
    }

    public static async Task StopAsync(IHost host)
    {
        using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        await host.StopAsync(stop.Token).ConfigureAwait(false);
        host.Dispose();
    }
}
