using System.CommandLine;
using k8s;
using k8s.Exceptions;
using OciOperator.Hosting;

namespace OciOperator.Commands;

/// <summary><c>oci-operator run</c>: the operator against a real cluster (in-cluster config, or --kubeconfig).</summary>
internal static class RunCommand
{
    public static Command Create()
    {
        var kubeconfig = new Option<string?>("--kubeconfig")
        {
            Description = "Kubeconfig file; default: the in-cluster service account, else $KUBECONFIG or ~/.kube/config.",
        };
        var verbose = new Option<bool>("--verbose", "-v") { Description = "Log at Information level." };
        var operatorOptions = new OperatorOptions();
        var command = new Command("run", "Run the operator against a Kubernetes cluster.") { kubeconfig, verbose };
        operatorOptions.AddTo(command);
        command.SetAction(async (parse, outer) =>
        {
            using var signals = new ShutdownSignals(outer);
            KubernetesClientConfiguration config;
            try
            {
                var path = parse.GetValue(kubeconfig);
                config = path is null ? KubernetesClientConfiguration.BuildDefaultConfig() : KubernetesClientConfiguration.BuildConfigFromConfigFile(path);
            }
            catch (Exception e) when (e is KubeConfigException or FileNotFoundException or IOException)
            {
                await Console.Error.WriteLineAsync($"error: no usable Kubernetes configuration: {e.Message}. Pass --kubeconfig FILE or run inside a cluster.").ConfigureAwait(false);
                return 1;
            }

            var host = await OperatorRun.StartAsync(operatorOptions.Read(parse), config, parse.GetValue(verbose), Console.Error, signals.Token).ConfigureAwait(false);
            if (host is null)
            {
                return signals.Token.IsCancellationRequested ? 0 : 1;
            }

            await Console.Out.WriteLineAsync(OperatorRun.Describe(host, config)).ConfigureAwait(false);

            try
            {
                await Task.Delay(Timeout.Infinite, signals.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (signals.Token.IsCancellationRequested)
            {
                await Console.Out.WriteLineAsync("Stopping the operator.").ConfigureAwait(false);
            }

            await OperatorRun.StopAsync(host).ConfigureAwait(false);
            return 0;
        });
        return command;
    }
}
