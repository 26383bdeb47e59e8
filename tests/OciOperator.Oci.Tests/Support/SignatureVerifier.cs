using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Http;

namespace OciOperator.Oci.Tests.Support;

/// <summary>
/// An independent check of an incoming request's OCI signature (test side): parses the Authorization header,
/// rebuilds the signing string from what was received and verifies it with the given public key.
/// </summary>
internal static class SignatureVerifier
{
    public static Dictionary<string, string> Parameters(string authorization)
    {
        if (!authorization.StartsWith("Signature ", StringComparison.Ordinal))
        {
            throw new InvalidOperationException("not a Signature authorization");
        }

        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var part in authorization["Signature ".Length..].Split("\","))
        {
            var eq = part.IndexOf('=', StringComparison.Ordinal);
            result[part[..eq]] = part[(eq + 1)..].Trim('"');
        }

        return result;
    }

    public static string KeyId(HttpRequest request) => Parameters(request.Headers.Authorization.ToString())["keyId"];

    public static async Task<bool> VerifyAsync(HttpRequest request, RSA publicKey, byte[] body)
    {
        var p = Parameters(request.Headers.Authorization.ToString());
        var lines = new List<string>();
        foreach (var name in p["headers"].Split(' '))
        {
            var value = name switch
            {
                "(request-target)" => request.Method.ToLowerInvariant() + " " + request.Path + request.QueryString,
                "host" => request.Host.ToString(),
                "content-length" => body.Length.ToString(System.Globalization.CultureInfo.InvariantCulture),
                _ => request.Headers[name].ToString(),
            };
            lines.Add($"{name}: {value}");
        }

        if (p["headers"].Contains("x-content-sha256", StringComparison.Ordinal)
            && request.Headers["x-content-sha256"].ToString() != Convert.ToBase64String(SHA256.HashData(body)))
        {
            return false;
        }

        await Task.CompletedTask;
        return publicKey.VerifyData(Encoding.UTF8.GetBytes(string.Join('\n', lines)), Convert.FromBase64String(p["signature"]), HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
    }
}
