using System.CommandLine;
using System.CommandLine.Parsing;

namespace OciOperator.Commands;

/// <summary>Typed option kinds shared by the subcommands: durations, ports and bind addresses, each checked at parse time.</summary>
internal static class OptionRules
{
    public static Option<TimeSpan> Duration(string name, string description, TimeSpan defaultValue) => new(name)
    {
        Description = description,
        DefaultValueFactory = _ => defaultValue,
        CustomParser = result => ParseDuration(result) ?? defaultValue,
    };

    public static Option<TimeSpan?> OptionalDuration(string name, string description) => new(name)
    {
        Description = description,
        CustomParser = ParseDuration,
    };

    public static Option<int> Port(string name, string description, int defaultValue) => new(name)
    {
        Description = description,
        DefaultValueFactory = _ => defaultValue,
        CustomParser = result =>
        {
            var text = result.Tokens.Count > 0 ? result.Tokens[^1].Value : "";
            if (int.TryParse(text, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var port) && port <= 65535)
            {
                return port;
            }

            result.AddError($"{name} must be a port between 0 and 65535, not '{text}'.");
            return defaultValue;
        },
    };

    /// <summary>A whole number between 1 and <paramref name="max"/> (workers, concurrency).</summary>
    public static Option<int> Count(string name, string description, int defaultValue, int max) => new(name)
    {
        Description = description,
        DefaultValueFactory = _ => defaultValue,
        CustomParser = result =>
        {
            var text = result.Tokens.Count > 0 ? result.Tokens[^1].Value : "";
            if (int.TryParse(text, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var count) && count >= 1 && count <= max)
            {
                return count;
            }

            result.AddError($"{name} must be a whole number between 1 and {max}, not '{text}'.");
            return defaultValue;
        },
    };

    /// <summary>File arguments: a token that looks like a flag is a flag this command does not know, not a file name.</summary>
    public static Argument<T> RejectingFlags<T>(this Argument<T> argument)
    {
        ArgumentNullException.ThrowIfNull(argument);
        argument.Validators.Add(result =>
        {
            foreach (var token in result.Tokens)
            {
                if (token.Value.Length > 1 && token.Value[0] == '-')
                {
                    result.AddError($"Unrecognized command or argument '{token.Value}'.");
                }
            }
        });
        return argument;
    }

    public static Option<string> BindAddress(string name, string description, string defaultValue)
    {
        var option = new Option<string>(name) { Description = description, DefaultValueFactory = _ => defaultValue };
        option.Validators.Add(result =>
        {
            var value = result.GetValueOrDefault<string>();
            if (!Runtime.Health.BindAddress.TryParse(value, out _))
            {
                result.AddError($"{name} must be ':port', 'host:port' (port 0-65535) or 0 to disable, not '{value}'.");
            }
        });
        return option;
    }

    private static TimeSpan? ParseDuration(ArgumentResult result)
    {
        var text = result.Tokens.Count > 0 ? result.Tokens[^1].Value : null;
        if (Commands.Duration.TryParse(text, out var value))
        {
            return value;
        }

        var name = (result.Parent as OptionResult)?.Option.Name ?? "duration";
        result.AddError($"{name} must be a duration such as {Commands.Duration.Examples}, not '{text}'.");
        return null;
    }
}
