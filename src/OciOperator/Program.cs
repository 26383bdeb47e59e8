using System.CommandLine;
using OciOperator.Commands;

namespace OciOperator;

/// <summary>The <c>oci-operator</c> command line: one subcommand per file under <c>Commands/</c>.</summary>
public static class Program
{
    public static Task<int> Main(string[] args) => BuildRootCommand().Parse(args).InvokeAsync();

    internal static RootCommand BuildRootCommand()
    {
        var root = new RootCommand(
            "OCI Operator: manages Oracle Cloud MySQL DbSystems from Kubernetes resources and composes applications with ResourceGraphDefinitions.");
        root.Subcommands.Add(RunCommand.Create());
        root.Subcommands.Add(SandboxCommand.Create());
        root.Subcommands.Add(OciCheckCommand.Create());
        root.Subcommands.Add(CelCommand.Create());
        root.Subcommands.Add(RgdCommand.Create());
        return root;
    }
}
