using System.Text.Json;

namespace OciOperator.Oci.Tests.Signing;

/// <summary>One entry of <c>conformance/oci-signing/vectors.json</c>.</summary>
public sealed record SigningVector(string Name, string Method, Uri Url, string Date, string? Body, string? ContentType,
    string ExpectedSigningString, string ExpectedSignature, string ExpectedAuthorization, string? ExpectedContentSha256)
{
    public static SigningVector From(JsonElement v) => new(
        v.GetProperty("name").GetString()!,
        v.GetProperty("method").GetString()!,
        new Uri(v.GetProperty("url").GetString()!),
        v.GetProperty("headers").GetProperty("date").GetString()!,
        v.TryGetProperty("body", out var b) ? b.GetString() : null,
        v.GetProperty("headers").TryGetProperty("content-type", out var ctype) ? ctype.GetString() : null,
        v.GetProperty("expectedSigningString").GetString()!,
        v.GetProperty("expectedSignature").GetString()!,
        v.GetProperty("expectedAuthorization").GetString()!,
        v.TryGetProperty("expectedContentSha256", out var sha) ? sha.GetString() : null);

    public override string ToString() => Name;
}
