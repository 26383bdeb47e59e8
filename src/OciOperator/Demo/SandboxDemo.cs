using k8s;
using Microsoft.Extensions.Logging;
using OciOperator.Runtime.Client;

namespace OciOperator.Demo;

/// <summary>Wires <see cref="DemoRun"/> to a started Sandbox and this process's console.</summary>
internal static class SandboxDemo
{
    /// <summary>
    /// Runs the walkthrough against the Sandbox at <paramref name="kubernetes"/> until <paramref name="ct"/> fires.
    /// </summary>
    /// <param name="kubernetes">The Sandbox's API server.</param>
    /// <param name="kubeconfigPath">The kubeconfig written for kubectl (printed in the commands).</param>
    /// <param name="start">The <see cref="TimeProvider.System"/> timestamp the elapsed times count from.</param>
    /// <param name="loggerFactory">Logging of the demo's watches.</param>
    /// <param name="ct">Ends the demo (Ctrl-C, SIGTERM).</param>
    public static async Task RunAsync(KubernetesClientConfiguration kubernetes, string kubeconfigPath, long start, ILoggerFactory loggerFactory, CancellationToken ct)
    {
        var time = TimeProvider.System;
        var walkthrough = DemoWalkthrough.Embedded();
        using var client = new Kubernetes(kubernetes);
        var run = new DemoRun(
            new KubeApiClient(client, time),
            walkthrough,
            DemoView.ForConsole(time),
            new DemoGuide(kubeconfigPath, walkthrough),
            time,
            start,
            loggerFactory);
        await run.RunAsync(ct).ConfigureAwait(false);
    }
}
