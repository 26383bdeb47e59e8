using System.CommandLine;
using System.Globalization;
using Microsoft.Extensions.Logging;

namespace OciOperator.Commands;

/// <summary>
/// controller-runtime's <c>--zap-*</c> logging flags, accepted as aliases of <c>--log-level</c>/<c>--log-format</c> so a
/// Deployment written for a Go operator keeps working: <c>--zap-log-level</c> (debug, info, warn, error, panic, or a
/// verbosity integer &gt; 0), <c>--zap-encoder</c> (json, console), <c>--zap-devel</c> (console and debug unless given),
/// <c>--zap-stacktrace-level</c> (info, error, panic) and <c>--zap-time-encoding</c> (iso8601, rfc3339, rfc3339nano).
/// </summary>
internal sealed class ZapOptions
{
    /// <summary>The time encodings a .NET timestamp format can write (the numeric epoch ones cannot).</summary>
    private static readonly IReadOnlyDictionary<string, string> TimeFormats = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["iso8601"] = "yyyy-MM-dd'T'HH:mm:ss.fffzzz",
        ["rfc3339"] = "yyyy-MM-dd'T'HH:mm:sszzz",
        ["rfc3339nano"] = "yyyy-MM-dd'T'HH:mm:ss.fffffffzzz",
    };

    private readonly Option<string?> _level = new("--zap-log-level")
    {
        Description = "controller-runtime's name for --log-level: debug, info, warn, error, panic, or a verbosity integer > 0 (1 = debug, 2+ = trace).",
    };

    private readonly Option<string?> _encoder = new("--zap-encoder")
    {
        Description = "controller-runtime's name for --log-format: json or console.",
    };

    private readonly Option<bool> _devel = new("--zap-devel")
    {
        Description = "Development logging (controller-runtime's): console format and debug level unless given otherwise.",
    };

    private readonly Option<string?> _stacktrace = new("--zap-stacktrace-level")
    {
        Description = "Accepted for controller-runtime compatibility (info, error or panic); a logged exception always carries its stack trace.",
    };

    private readonly Option<string?> _timeEncoding = new("--zap-time-encoding")
    {
        Description = "Timestamp on every log line: iso8601, rfc3339 or rfc3339nano (UTC). The numeric epoch, millis and nano encodings are not supported.",
    };

    public void AddTo(Command command, Option<string?> logLevel, Option<string> logFormat)
    {
        ArgumentNullException.ThrowIfNull(command);
        _level.Validators.Add(result =>
        {
            var value = result.GetValueOrDefault<string?>();
            if (value is not null && ParseLevel(value) is null)
            {
                result.AddError($"--zap-log-level must be debug, info, warn, error, panic or an integer > 0, not '{value}'.");
            }
        });
        _encoder.AcceptOnlyFromAmong("json", "console");
        _stacktrace.AcceptOnlyFromAmong("info", "error", "panic");
        _timeEncoding.Validators.Add(result =>
        {
            var value = result.GetValueOrDefault<string?>();
            if (value is not null && !TimeFormats.ContainsKey(value))
            {
                result.AddError(value is "epoch" or "millis" or "nano"
                    ? $"--zap-time-encoding '{value}' (numeric timestamps) is not supported; use iso8601, rfc3339 or rfc3339nano."
                    : $"--zap-time-encoding must be iso8601, rfc3339 or rfc3339nano, not '{value}'.");
            }
        });
        command.Validators.Add(result =>
        {
            if (result.GetResult(logLevel) is { Implicit: false } && result.GetResult(_level) is { Implicit: false })
            {
                result.AddError("--log-level and --zap-log-level name the same setting; give one of them.");
            }
            else if (result.GetResult(logFormat) is { Implicit: false } && result.GetResult(_encoder) is { Implicit: false })
            {
                result.AddError("--log-format and --zap-encoder name the same setting; give one of them.");
            }
        });
        command.Options.Add(_level);
        command.Options.Add(_encoder);
        command.Options.Add(_devel);
        command.Options.Add(_stacktrace);
        command.Options.Add(_timeEncoding);
    }

    /// <summary>The level from <c>--zap-log-level</c>, else debug under <c>--zap-devel</c>; null when neither says.</summary>
    public LogLevel? Level(ParseResult parse) =>
        parse.GetValue(_level) is { } text ? ParseLevel(text) : parse.GetValue(_devel) ? LogLevel.Debug : null;

    /// <summary>JSON (true) or console (false) from <c>--zap-encoder</c>, else console under <c>--zap-devel</c>; null when neither says.</summary>
    public bool? Json(ParseResult parse) =>
        parse.GetValue(_encoder) is { } encoder ? encoder == "json" : parse.GetValue(_devel) ? false : null;

    /// <summary>The timestamp format from <c>--zap-time-encoding</c>; null writes no timestamp.</summary>
    public string? TimestampFormat(ParseResult parse) =>
        parse.GetValue(_timeEncoding) is { } encoding ? TimeFormats[encoding] : null;

    /// <summary>zap's level names and controller-runtime's verbosity integers (1 = debug, 2 and more = trace).</summary>
    internal static LogLevel? ParseLevel(string text) => text switch
    {
        "debug" => LogLevel.Debug,
        "info" => LogLevel.Information,
        "warn" => LogLevel.Warning,
        "error" => LogLevel.Error,
        "panic" or "dpanic" or "fatal" => LogLevel.Critical,
        _ when int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var verbosity) && verbosity > 0
            => verbosity == 1 ? LogLevel.Debug : LogLevel.Trace,
        _ => null,
    };
}
