using System.CommandLine;
using System.CommandLine.Invocation;
using System.CommandLine.Parsing;

namespace OciOperator.Commands;

/// <summary>
/// A command line that did not parse: one line on stderr naming what is wrong, a pointer to the subcommand's help,
/// and exit code 2 (as Go's flag package and kubectl do), never the whole help or a stack trace.
/// </summary>
internal static class UsageError
{
    public const int ExitCode = 2;

    /// <summary>True when <paramref name="parse"/> failed and its action would only report the errors.</summary>
    public static bool Failed(ParseResult parse) =>
        parse.Errors.Count > 0 && parse.Action is ParseErrorAction or null;

    public static string Describe(ParseResult parse)
    {
        ArgumentNullException.ThrowIfNull(parse);
        var names = new List<string>();
        for (SymbolResult? r = parse.CommandResult; r is CommandResult command; r = command.Parent)
        {
            if (command.Command is not RootCommand)
            {
                names.Insert(0, command.Command.Name);
            }
        }

        var path = string.Join(' ', ["oci-operator", .. names]);
        // An unknown word is the root cause when a command is also missing ("oci-operator sandbx").
        var message = parse.UnmatchedTokens.Count > 0
            ? $"Unrecognized command or argument '{parse.UnmatchedTokens[0]}'."
            : parse.Errors[0].Message.ReplaceLineEndings(" ").Trim();
        return $"error: {message} See '{path} --help'.";
    }
}
