using System.Text;
using System.Text.Json;

namespace OciOperator.Oci.Auth;

/// <summary>Reads the claims of a JWT (without verifying it — the service does that).</summary>
public sealed class JwtClaims
{
    private readonly JsonElement _payload;

    private JwtClaims(JsonElement payload) => _payload = payload;

    /// <summary>The <c>exp</c> claim.</summary>
    public DateTimeOffset ExpiresAt =>
        _payload.TryGetProperty("exp", out var exp) && exp.TryGetInt64(out var seconds)
            ? DateTimeOffset.FromUnixTimeSeconds(seconds)
            : throw new OciConfigurationException("The security token has no numeric 'exp' claim.");

    /// <summary>A string claim, or null.</summary>
    public string? GetString(string name) =>
        _payload.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;

    /// <summary>Parses a compact JWT; the error names the source but never includes the token.</summary>
    public static JwtClaims Parse(string token, string source)
    {
        ArgumentNullException.ThrowIfNull(token);
        var parts = token.Trim().Split('.');
        if (parts.Length != 3)
        {
            throw new OciConfigurationException($"The security token from {source} is not a JWT (expected 3 dot-separated parts).");
        }

        try
        {
            var json = Base64UrlDecode(parts[1]);
            using var doc = JsonDocument.Parse(json);
            if (doc.RootElement.ValueKind != JsonValueKind.Object)
            {
                throw new OciConfigurationException($"The security token from {source} has a payload that is not a JSON object.");
            }

            return new JwtClaims(doc.RootElement.Clone());
        }
        catch (Exception ex) when (ex is FormatException or JsonException)
        {
            throw new OciConfigurationException($"The security token from {source} has an unreadable payload.", ex);
        }
    }

    private static byte[] Base64UrlDecode(string s)
    {
        var b = s.Replace('-', '+').Replace('_', '/');
        b = b.PadRight(b.Length + ((4 - (b.Length % 4)) % 4), '=');
        return Convert.FromBase64String(b);
    }

    internal static string Base64UrlEncode(string json) =>
        Convert.ToBase64String(Encoding.UTF8.GetBytes(json)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
