using System.CommandLine;

namespace OciOperator.Commands;

/// <summary><c>oci-operator sandbox</c>: the embedded default (local Kubernetes API, simulators, OCI emulator).</summary>
internal static class SandboxCommand
{
    public static Command Create()
    {
        var kubeconfig = new Option<string>("--kubeconfig")
        {
            Description = "Where to write the kubeconfig for the Sandbox API server.",
            DefaultValueFactory = _ => "./sandbox.kubeconfig",
        };
        var apiPort = new Option<int>("--api-port")
        {
            Description = "Port of the Sandbox Kubernetes API server on 127.0.0.1 (0 picks a free port).",
            DefaultValueFactory = _ => 0,
        };
        var command = new Command("sandbox", "Run the Sandbox: an in-memory Kubernetes API server on loopback, with a kubeconfig for kubectl.")
        {
            kubeconfig,
            apiPort,
        };
        command.SetAction(async (parse, ct) =>
        {
            await Console.Out.WriteLineAsync("sandbox: not wired yet").ConfigureAwait(false);
            return 1;
        });
        return command;
    }
}
