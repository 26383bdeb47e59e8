using System.Net;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace OciOperator.Tests.Reliability;

/// <summary>
/// The ways a secret can leak besides verbatim: base64 (standard and URL-safe, cut to the part that does not depend
/// on what precedes or follows it), JSON-escaped (the default and the relaxed encoder) and URL-escaped (RFC 3986 and
/// form encoding).
/// </summary>
internal static class CanaryForms
{
    public static IReadOnlyList<(string Form, string Text)> Of(string secret)
    {
        var bytes = Encoding.UTF8.GetBytes(secret);
        var whole = bytes.Length / 3 * 3;
        var base64 = Convert.ToBase64String(bytes, 0, whole);
        var forms = new List<(string, string)>
        {
            ("plain", secret),
            ("base64", base64),
            ("base64url", base64.Replace('+', '-').Replace('/', '_')),
            ("json", JsonSerializer.Serialize(secret)[1..^1]),
            ("json-relaxed", JsonSerializer.Serialize(secret, new JsonSerializerOptions { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping })[1..^1]),
            ("url", Uri.EscapeDataString(secret)),
            ("form-url", WebUtility.UrlEncode(secret)),
        };
        return [.. forms.Where(f => f.Item2.Length >= 6).Distinct()];
    }

    /// <summary>Every (canary, form) found in <paramref name="text"/>, as "form of canary-name in source".</summary>
    public static IEnumerable<string> Find(IReadOnlyDictionary<string, string> canaries, string source, string text) =>
        from canary in canaries
        from form in Of(canary.Value)
        where text.Contains(form.Text, StringComparison.Ordinal)
        select $"{form.Form} form of the {canary.Key} password in {source}";
}
