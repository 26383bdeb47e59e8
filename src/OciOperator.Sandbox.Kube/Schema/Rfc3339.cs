using System.Globalization;
using System.Text.RegularExpressions;

namespace OciOperator.Sandbox.Kube.Schema;

/// <summary>Strict RFC 3339 timestamps (Go's <c>time.RFC3339</c> / <c>RFC3339Nano</c> parsing: 0–9 fraction digits).</summary>
internal static partial class Rfc3339
{
    private static readonly string[] Formats =
    [
        "yyyy-MM-dd'T'HH:mm:ssK", "yyyy-MM-dd'T'HH:mm:ss.FFFFFFFK",
        "yyyy-MM-dd't'HH:mm:ssK", "yyyy-MM-dd't'HH:mm:ss.FFFFFFFK",
    ];

    public static bool TryParse(string text, out DateTimeOffset value)
    {
        value = default;
        if (!(text.EndsWith('Z') || text.EndsWith('z') || (text.Length > 6 && text[^6] is '+' or '-')))
        {
            return false;
        }

        if (EmptyFraction().IsMatch(text))
        {
            return false;
        }

        // .NET parses at most 7 fraction digits; RFC 3339 (and Go) allow nanoseconds.
        var match = LongFraction().Match(text);
        var normalized = match.Success ? string.Concat(text.AsSpan(0, match.Index + 8), text.AsSpan(match.Index + match.Length)) : text;
        return DateTimeOffset.TryParseExact(normalized, Formats, CultureInfo.InvariantCulture, DateTimeStyles.None, out value);
    }

    [GeneratedRegex(@"\.(?![0-9])")]
    private static partial Regex EmptyFraction();

    [GeneratedRegex(@"\.[0-9]{8,9}(?=[Zz+-])")]
    private static partial Regex LongFraction();
}
