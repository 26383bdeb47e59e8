using System.Collections.Concurrent;
using System.Text.RegularExpressions;
using OciOperator.Cel.Values;

namespace OciOperator.Cel.Library;

/// <summary>
/// RE2-style regular expressions on .NET's non-backtracking engine (linear time, so hostile patterns cannot hang),
/// with a bounded cache of compiled patterns.
/// </summary>
internal static class RegexCache
{
    private const int MaxEntries = 512;
    private const int MaxPatternLength = 8192;
    private static readonly ConcurrentDictionary<string, Regex> Cache = new(StringComparer.Ordinal);

    public static CelValue Matches(string input, string pattern)
    {
        var re = Get(pattern, out var error);
        return re is null ? new ErrorValue(error!) : BoolValue.Of(re.IsMatch(input));
    }

    public static Regex? Get(string pattern, out string? error)
    {
        error = null;
        if (Cache.TryGetValue(pattern, out var cached))
        {
            return cached;
        }

        if (pattern.Length > MaxPatternLength)
        {
            error = $"regular expression too long ({pattern.Length} > {MaxPatternLength})";
            return null;
        }

        try
        {
            var translated = pattern.Replace("(?P<", "(?<", StringComparison.Ordinal);
            // NonBacktracking matches in time linear in the input, like RE2, so no wall-clock timeout is needed: the input's
            // size is bounded by the evaluation's cost limit. A wall-clock timeout only made matches fail on a busy machine.
            var re = new Regex(translated, RegexOptions.NonBacktracking | RegexOptions.CultureInvariant, Regex.InfiniteMatchTimeout);
            if (Cache.Count >= MaxEntries)
            {
                Cache.Clear();
            }

            Cache[pattern] = re;
            return re;
        }
        catch (Exception e) when (e is ArgumentException or NotSupportedException)
        {
            error = $"invalid regular expression '{pattern}': {e.Message}";
            return null;
        }
    }
}
