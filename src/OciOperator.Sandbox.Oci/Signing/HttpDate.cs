using System.Globalization;

namespace OciOperator.Sandbox.Oci.Signing;

/// <summary>
/// Parses RFC 1123 dates like Go's <c>http.ParseTime</c>: the weekday is read but not checked against the date. (The
/// published OCI signing sample says "Thu, 05 Jan 2014", a Sunday, and OCI accepts it.)
/// </summary>
internal static class HttpDate
{
    public static bool TryParse(string text, out DateTimeOffset value)
    {
        value = default;
        var comma = text.IndexOf(',', StringComparison.Ordinal);
        if (comma != 3)
        {
            return false;
        }

        return DateTimeOffset.TryParseExact(
            text[(comma + 1)..].Trim(), "dd MMM yyyy HH:mm:ss 'GMT'", CultureInfo.InvariantCulture,
            DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out value);
    }
}
