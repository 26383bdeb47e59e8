using System.Globalization;
using System.Text;
using Microsoft.AspNetCore.Http;
using OciOperator.Sandbox.Oci.Hosting;

namespace OciOperator.Sandbox.Oci.Mysql;

/// <summary>OCI list pagination: <c>limit</c> (1–1000, default 100) and an opaque <c>page</c> token answered in <c>opc-next-page</c>.</summary>
internal static class Paging
{
    public const int DefaultLimit = 100;
    public const int MaxLimit = 1000;
    private const string Prefix = "emu-page:";

    /// <summary>Cuts one page of <paramref name="items"/>; returns an error response for a bad limit or page token.</summary>
    public static OciResponse? TryPage<T>(IReadOnlyList<T> items, IQueryCollection query, out IReadOnlyList<T> page, out string? nextPage)
    {
        page = [];
        nextPage = null;
        var limit = DefaultLimit;
        if (query.TryGetValue("limit", out var limitText) &&
            (!int.TryParse(limitText.ToString(), NumberStyles.None, CultureInfo.InvariantCulture, out limit) || limit is < 1 or > MaxLimit))
        {
            return OciResponse.Invalid($"The limit must be an integer between 1 and {MaxLimit}.");
        }

        var offset = 0;
        if (query.TryGetValue("page", out var pageText) && !TryDecode(pageText.ToString(), out offset))
        {
            return OciResponse.Invalid("The page token is not valid.");
        }

        page = items.Skip(offset).Take(limit).ToList();
        if (offset + limit < items.Count)
        {
            nextPage = Encode(offset + limit);
        }

        return null;
    }

    private static string Encode(int offset) =>
        Convert.ToBase64String(Encoding.UTF8.GetBytes(Prefix + offset.ToString(CultureInfo.InvariantCulture)));

    private static bool TryDecode(string token, out int offset)
    {
        offset = 0;
        var buffer = new byte[token.Length];
        if (!Convert.TryFromBase64String(token, buffer, out var length))
        {
            return false;
        }

        var text = Encoding.UTF8.GetString(buffer, 0, length);
        return text.StartsWith(Prefix, StringComparison.Ordinal) &&
               int.TryParse(text.AsSpan(Prefix.Length), NumberStyles.None, CultureInfo.InvariantCulture, out offset);
    }
}
