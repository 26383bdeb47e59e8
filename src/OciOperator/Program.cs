using System.CommandLine;
using OciOperator.Commands;

namespace OciOperator;

/// <summary>The <c>oci-operator</c> command line: one subcommand per file under <c>Commands/</c>.</summary>
public static class Program
{
    public static async Task<int> Main(string[] args)
    {
        var parse = BuildRootCommand().Parse(args);
        if (UsageError.Failed(parse))
        {
            await Console.Error.WriteLineAsync(UsageError.Describe(parse)).ConfigureAwait(false);
            return UsageError.ExitCode;
        }

        return await parse.InvokeAsync().ConfigureAwait(false);
    }

    internal static RootCommand BuildRootCommand()
    {
        var root = new RootCommand(
            "OCI Operator: manages Oracle Cloud MySQL DbSystems from Kubernetes resources and composes applications with ResourceGraphDefinitions.");
        root.Subcommands.Add(RunCommand.Create());
        root.Subcommands.Add(SandboxCommand.Create());
        root.Subcommands.Add(OciCheckCommand.Create());
        root.Subcommands.Add(CelCommand.Create());
        root.Subcommands.Add(RgdCommand.Create());
        root.Subcommands.Add(BundleCommand.Create());
        return root;
    }
}
