using System.CommandLine;
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
        var operatorOptions = new OperatorOptions("json");
        var command = new Command("run", "Run the operator against a Kubernetes cluster.") { kubeconfig, verbose };
        operatorOptions.AddTo(command);
        command.SetAction(async (parse, outer) =>
        {
            using var signals = new ShutdownSignals(outer);
            if (ClusterConfig.Resolve(parse.GetValue(kubeconfig), out var problem) is not { } config)
            {
                await Console.Error.WriteLineAsync("error: " + problem).ConfigureAwait(false);
                return 1;
            }

            var host = await OperatorRun.StartAsync(operatorOptions.Read(parse), config, parse.GetValue(verbose), Console.Error, signals.Token).ConfigureAwait(false);
            if (host is null)
            {
                return signals.Token.IsCancellationRequested ? 0 : 1;
            }

            await Console.Out.WriteLineAsync(OperatorRun.Describe(host, config)).ConfigureAwait(false);
            return await OperatorRun.RunUntilStoppedAsync(host, Console.Out, Console.Error, signals.Token).ConfigureAwait(false);
        });
        return command;
    }
}
