using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using OciOperator.Sandbox.Oci.Hosting;
using OciOperator.Sandbox.Oci.Identity;
using OciOperator.Sandbox.Oci.Signing;

namespace OciOperator.Sandbox.Oci;

/// <summary>Instance metadata (v2), federation (<c>/v1/x509</c>), token refresh, the OKE proxymux, and key resolution.</summary>
public sealed partial class OciEmulator
{
    private const int MinSessionKeyBits = 2048;

    private OciResponse HandleMetadata(OciRoute route, HttpContext context)
    {
        if (context.Request.Headers.Authorization.ToString() != "Bearer Oracle")
        {
            return OciResponse.Error(401, "NotAuthenticated", "The metadata service v2 requires the header 'Authorization: Bearer Oracle'.");
        }

        var instance = new JsonObject
        {
            ["id"] = Pki.InstanceId,
            ["displayName"] = "oci-emulator-instance",
            ["compartmentId"] = Pki.CompartmentId,
            ["tenantId"] = TenancyId,
            ["region"] = RegionCodes.MetadataRegion(Region),
            ["canonicalRegionName"] = Region,
            ["availabilityDomain"] = AvailabilityDomains[0],
            ["faultDomain"] = "FAULT-DOMAIN-1",
            ["shape"] = "VM.Standard.E4.Flex",
            ["state"] = "Running",
            ["timeCreated"] = _options.TimeProvider.GetUtcNow().ToUnixTimeMilliseconds(),
            ["regionInfo"] = new JsonObject
            {
                ["realmKey"] = "oc1",
                ["realmDomainComponent"] = "oraclecloud.com",
                ["regionKey"] = RegionCodes.RegionKey(Region),
                ["regionIdentifier"] = Region,
            },
        };
        var sub = route.SubPath?.TrimEnd('/') ?? string.Empty;
        return sub switch
        {
            "identity/cert.pem" => OciResponse.PlainText(Pki.LeafPem),
            "identity/key.pem" => OciResponse.PlainText(Pki.LeafKeyPem),
            "identity/intermediate.pem" => OciResponse.PlainText(Pki.IntermediatePem),
            "instance" => OciResponse.Ok(instance),
            _ when sub.StartsWith("instance/", StringComparison.Ordinal) && instance[sub["instance/".Length..]] is { } field =>
                field is JsonValue value && value.GetValueKind() == JsonValueKind.String
                    ? OciResponse.PlainText((string)value!)
                    : OciResponse.Ok(field.DeepClone()),
            _ => OciResponse.Error(404, "NotFound", $"The metadata service has nothing at /opc/v2/{sub}."),
        };
    }

    private OciResponse HandleFederation(OciRoute route, HttpContext context, byte[] body)
    {
        var verifier = new SignatureVerifier(ResolveFederationKey, _options.TimeProvider, _options.MaxClockSkew);
        var check = verifier.Verify(ToSignedRequest(context, body), requireHost: false);
        if (!check.IsValid)
        {
            LogSignatureRejected(route.Operation, check.Failure!);
            return OciResponse.Error(401, "NotAuthenticated", check.Failure!);
        }

        var json = ParseObject(body);
        if (json is null || json["certificate"] is not JsonValue certificate || json["publicKey"] is not JsonValue publicKey)
        {
            return OciResponse.Error(400, "CannotParseRequest", "The body must be a JSON object with 'certificate' and 'publicKey'.");
        }

        try
        {
            var leafDer = Convert.FromBase64String((string)certificate!);
            var intermediates = (json["intermediateCertificates"] as JsonArray ?? [])
                .Select(node => Convert.FromBase64String((string)node!)).ToList();
            if (!Pki.IsOurChain(leafDer, intermediates, out var chainFailure))
            {
                return OciResponse.Error(401, "NotAuthenticated", chainFailure);
            }

            using var sessionKey = RSA.Create();
            sessionKey.ImportSubjectPublicKeyInfo(Convert.FromBase64String((string)publicKey!), out _);
            if (sessionKey.KeySize < MinSessionKeyBits)
            {
                return OciResponse.Invalid($"The session public key must be at least {MinSessionKeyBits} bits.");
            }

            var token = Tokens.Issue("instance", Pki.InstanceId, TenancyId, sessionKey, new Dictionary<string, string>(StringComparer.Ordinal)
            {
                ["opc-instance"] = Pki.InstanceId,
                ["opc-compartment"] = Pki.CompartmentId,
                ["opc-certtype"] = "instance",
            });
            return OciResponse.Ok(new JsonObject { ["token"] = token });
        }
        catch (Exception e) when (e is FormatException or CryptographicException or InvalidOperationException)
        {
            return OciResponse.Error(400, "CannotParseRequest", "The certificate, intermediate certificates or public key are not valid base64 DER.");
        }
    }

    private OciResponse HandleTokenRefresh(OciRoute route, HttpContext context, byte[] body)
    {
        var check = _verifier.Verify(ToSignedRequest(context, body));
        if (!check.IsValid)
        {
            LogSignatureRejected(route.Operation, check.Failure!);
            return OciResponse.Error(401, "NotAuthenticated", check.Failure!);
        }

        var current = (string?)ParseObject(body)?["currentToken"];
        var signedWith = context.Request.Headers.Authorization.ToString();
        if (current is null || !signedWith.Contains($"keyId=\"ST${current}\"", StringComparison.Ordinal))
        {
            return OciResponse.Invalid("The body's currentToken must be the session token the request is signed with.");
        }

        var claims = Tokens.Validate(current, out var failure);
        if (claims is null)
        {
            return OciResponse.Error(401, "NotAuthenticated", failure);
        }

        using var sessionKey = RSA.Create();
        sessionKey.ImportSubjectPublicKeyInfo(claims.SessionPublicKeySpki, out _);
        return OciResponse.Ok(new JsonObject { ["token"] = Tokens.Issue(claims.PrincipalKind, claims.Subject, claims.TenancyId, sessionKey) });
    }

    private OciResponse HandleOkeProxymux(HttpContext context, byte[] body)
    {
        var authorization = context.Request.Headers.Authorization.ToString();
        if (!authorization.StartsWith("Bearer ", StringComparison.Ordinal) || !_serviceAccountTokens.ContainsKey(authorization["Bearer ".Length..]))
        {
            return OciResponse.Error(401, "NotAuthenticated", "The service account token is missing or not accepted by the proxymux.");
        }

        var podKey = (string?)ParseObject(body)?["podKey"];
        if (string.IsNullOrWhiteSpace(podKey))
        {
            return OciResponse.Error(400, "CannotParseRequest", "The body must be {\"podKey\": \"<session public key>\"}.");
        }

        using var sessionKey = RSA.Create();
        try
        {
            if (podKey.Contains("-----BEGIN", StringComparison.Ordinal))
            {
                sessionKey.ImportFromPem(podKey);
            }
            else
            {
                sessionKey.ImportSubjectPublicKeyInfo(Convert.FromBase64String(podKey), out _);
            }
        }
        catch (Exception e) when (e is FormatException or CryptographicException or ArgumentException)
        {
            return OciResponse.Invalid("The podKey is not an RSA public key (PEM or base64 DER).");
        }

        var subject = $"ocid1.workload.oc1.{Region}.emulator{Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(8))}";
        var token = Tokens.Issue("workload", subject, TenancyId, sessionKey);
        var inner = new JsonObject { ["token"] = "ST$" + token }.ToJsonString();
        return OciResponse.Ok(JsonValue.Create(Convert.ToBase64String(Encoding.UTF8.GetBytes(inner))));
    }

    /// <summary>API keys registered by tests, and <c>ST$&lt;jwt&gt;</c> session tokens this emulator issued.</summary>
    private SigningKeyLookup ResolveServiceKey(string keyId)
    {
        if (keyId.StartsWith("ST$", StringComparison.Ordinal))
        {
            var claims = Tokens.Validate(keyId[3..], out var failure);
            if (claims is null)
            {
                return SigningKeyLookup.Rejected(failure);
            }

            var key = RSA.Create();
            key.ImportSubjectPublicKeyInfo(claims.SessionPublicKeySpki, out _);
            return SigningKeyLookup.Found(key, new OciPrincipal(claims.PrincipalKind, claims.TenancyId, claims.Subject), ownsKey: true);
        }

        if (_apiKeys.TryGetValue(keyId, out var apiKey))
        {
            var parts = keyId.Split('/');
            return SigningKeyLookup.Found(apiKey, new OciPrincipal("user", parts[0], parts.Length > 1 ? parts[1] : string.Empty));
        }

        return SigningKeyLookup.Rejected("The keyId is neither a registered API key (tenancy/user/fingerprint) nor a session token issued by this service.");
    }

    /// <summary><c>&lt;tenancy&gt;/fed-x509/&lt;sha1&gt;</c> (.NET, Python) or <c>&lt;tenancy&gt;/fed-x509-sha256/&lt;sha256&gt;</c> (Go) of the current leaf.</summary>
    private SigningKeyLookup ResolveFederationKey(string keyId)
    {
        var parts = keyId.Split('/');
        if (parts.Length != 3 || parts[0] != TenancyId)
        {
            return SigningKeyLookup.Rejected("The federation keyId must be '<tenancy>/fed-x509/<certificate fingerprint>' for this tenancy.");
        }

        var expected = parts[1] switch
        {
            "fed-x509" => Pki.LeafSha1Fingerprint,
            "fed-x509-sha256" => Pki.LeafSha256Fingerprint,
            _ => null,
        };
        if (expected is null || !string.Equals(parts[2], expected, StringComparison.OrdinalIgnoreCase))
        {
            return SigningKeyLookup.Rejected("The federation keyId's fingerprint does not match the instance's current leaf certificate.");
        }

        var key = Pki.Leaf.GetRSAPublicKey();
        return key is null
            ? SigningKeyLookup.Rejected("The leaf certificate has no RSA key.")
            : SigningKeyLookup.Found(key, new OciPrincipal("federation", TenancyId, Pki.InstanceId), ownsKey: true);
    }
}
