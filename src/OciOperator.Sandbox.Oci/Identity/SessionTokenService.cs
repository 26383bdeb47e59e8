using System.Buffers.Text;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace OciOperator.Sandbox.Oci.Identity;

/// <summary>
/// Issues and validates the emulator's session tokens: RS256 JWTs signed by an emulator key, carrying the session
/// public key as a JWK (<c>jwk</c> claim, a JSON string as OCI's auth service writes it), <c>iat</c>, <c>exp</c>,
/// <c>tenant</c>/<c>opc-tenant</c> and, for resource principals, <c>res_tenant</c>/<c>res_compartment</c>.
/// </summary>
internal sealed class SessionTokenService(TimeProvider timeProvider, TimeSpan lifetime) : IDisposable
{
    private const string Issuer = "authService.oracle.com";
    private readonly RSA _signingKey = RSA.Create(2048);
    private readonly string _keyId = "emulator-" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(8));
    private long _generation;

    public TimeSpan Lifetime => lifetime;

    /// <summary>Generates the signing key now (RSA keys are generated on first use).</summary>
    public void Prepare() => _ = _signingKey.ExportSubjectPublicKeyInfo();

    public string Issue(string principalKind, string subject, string tenancyId, RSA sessionPublicKey, IReadOnlyDictionary<string, string>? extraClaims = null)
    {
        var now = timeProvider.GetUtcNow();
        var parameters = sessionPublicKey.ExportParameters(false);
        var jwk = new JsonObject
        {
            ["kid"] = Convert.ToHexStringLower(SHA256.HashData(sessionPublicKey.ExportSubjectPublicKeyInfo()))[..32],
            ["n"] = Base64Url.EncodeToString(parameters.Modulus),
            ["e"] = Base64Url.EncodeToString(parameters.Exponent),
            ["kty"] = "RSA",
            ["alg"] = "RS256",
            ["use"] = "sig",
        };
        var claims = new JsonObject
        {
            ["iss"] = Issuer,
            ["aud"] = "oci",
            ["sub"] = subject,
            ["ptype"] = principalKind,
            ["ttype"] = principalKind == "instance" ? "x509" : principalKind,
            ["tenant"] = tenancyId,
            ["opc-tenant"] = tenancyId,
            ["jti"] = Guid.NewGuid().ToString("N"),
            ["iat"] = now.ToUnixTimeSeconds(),
            ["nbf"] = now.ToUnixTimeSeconds(),
            ["exp"] = (now + lifetime).ToUnixTimeSeconds(),
            ["jwk"] = jwk.ToJsonString(),
            ["emu_gen"] = Interlocked.Read(ref _generation),
        };
        foreach (var (name, value) in extraClaims ?? new Dictionary<string, string>())
        {
            claims[name] = value;
        }

        var header = new JsonObject { ["alg"] = "RS256", ["typ"] = "JWT", ["kid"] = _keyId };
        var signingInput = Encode(header) + "." + Encode(claims);
        var signature = _signingKey.SignData(Encoding.ASCII.GetBytes(signingInput), HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        return signingInput + "." + Base64Url.EncodeToString(signature);
    }

    /// <summary>Validates signature, issuer and expiry; returns null and a reason otherwise.</summary>
    public SessionTokenClaims? Validate(string token, out string failure)
    {
        failure = "The session token is not a valid emulator-issued JWT.";
        var parts = token.Split('.');
        if (parts.Length != 3)
        {
            return null;
        }

        try
        {
            var signature = Base64Url.DecodeFromChars(parts[2]);
            if (!_signingKey.VerifyData(Encoding.ASCII.GetBytes(parts[0] + "." + parts[1]), signature, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1))
            {
                failure = "The session token's signature is not valid.";
                return null;
            }

            var claims = JsonNode.Parse(Base64Url.DecodeFromChars(parts[1]))?.AsObject();
            if (claims is null || (string?)claims["iss"] != Issuer)
            {
                return null;
            }

            var exp = DateTimeOffset.FromUnixTimeSeconds(Required(claims["exp"]).GetValue<long>());
            var iat = DateTimeOffset.FromUnixTimeSeconds(Required(claims["iat"]).GetValue<long>());
            if (claims["emu_gen"]?.GetValue<long>() != Interlocked.Read(ref _generation))
            {
                failure = "The session token has been revoked; authenticate again.";
                return null;
            }

            if (timeProvider.GetUtcNow() >= exp)
            {
                failure = $"The session token expired at {exp.ToString("O", CultureInfo.InvariantCulture)}.";
                return null;
            }

            var jwkNode = claims["jwk"];
            var jwk = jwkNode is JsonValue value && value.TryGetValue<string>(out var jwkText)
                ? Required(JsonNode.Parse(jwkText)).AsObject()
                : Required(jwkNode).AsObject();
            using var sessionKey = RSA.Create(new RSAParameters
            {
                Modulus = Base64Url.DecodeFromChars(Required(jwk["n"]).GetValue<string>()),
                Exponent = Base64Url.DecodeFromChars(Required(jwk["e"]).GetValue<string>()),
            });
            return new SessionTokenClaims(
                (string?)claims["ptype"] ?? "instance",
                (string?)claims["sub"] ?? string.Empty,
                (string?)claims["tenant"] ?? string.Empty,
                iat,
                exp,
                sessionKey.ExportSubjectPublicKeyInfo());
        }
        catch (Exception e) when (e is FormatException or JsonException or InvalidOperationException or CryptographicException)
        {
            return null;
        }
    }

    /// <summary>Every token issued so far stops being valid (clients must re-authenticate).</summary>
    public void RevokeAll() => Interlocked.Increment(ref _generation);

    public void Dispose() => _signingKey.Dispose();

    private static JsonNode Required(JsonNode? node) => node ?? throw new FormatException("A required claim is missing.");

    private static string Encode(JsonObject node) => Base64Url.EncodeToString(Encoding.UTF8.GetBytes(node.ToJsonString()));
}
