using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using OciOperator.Oci.Auth;

namespace OciOperator.Oci.Tests.Support;

/// <summary>Test key material: RSA keys, PEM files, certificates and unsigned JWTs.</summary>
internal static class TestKeys
{
    public static RSA NewKey(int bits = 2048) => RSA.Create(bits);

    public static string Pkcs1Pem(RSA key) => key.ExportRSAPrivateKeyPem();

    public static string EncryptedPem(RSA key, string passphrase) =>
        key.ExportEncryptedPkcs8PrivateKeyPem(passphrase, new PbeParameters(PbeEncryptionAlgorithm.Aes256Cbc, HashAlgorithmName.SHA256, 10_000));

    /// <summary>A JWT with the given payload (the signature part is not meaningful — clients never verify it).</summary>
    public static string Jwt(string payloadJson)
    {
        var header = JwtClaims.Base64UrlEncode("{\"alg\":\"RS256\",\"typ\":\"JWT\"}");
        return $"{header}.{JwtClaims.Base64UrlEncode(payloadJson)}.c2lnbmF0dXJl";
    }

    public static string JwtExpiring(DateTimeOffset exp, string extraClaims = "") =>
        Jwt($"{{\"exp\":{exp.ToUnixTimeSeconds()}{extraClaims}}}");

    /// <summary>A CA + leaf pair like the instance identity: the leaf subject carries OU=opc-tenant:&lt;tenancy&gt;.</summary>
    public static (X509Certificate2 Leaf, RSA LeafKey, X509Certificate2 Intermediate) InstanceIdentity(string tenancy, DateTimeOffset now)
    {
        using var caKey = RSA.Create(2048);
        var caRequest = new CertificateRequest("CN=Test Intermediate", caKey, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        caRequest.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, false, 0, true));
        var ca = caRequest.CreateSelfSigned(now.AddDays(-1), now.AddYears(5));
        var leafKey = RSA.Create(2048);
        var subject = new X500DistinguishedNameBuilder();
        subject.AddCommonName("ocid1.instance.oc1.iad.test");
        subject.AddOrganizationalUnitName("opc-certtype:instance");
        subject.AddOrganizationalUnitName($"opc-tenant:{tenancy}");
        var leafRequest = new CertificateRequest(subject.Build(), leafKey, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        var leaf = leafRequest.Create(ca, now.AddDays(-1), now.AddYears(4), Encoding.ASCII.GetBytes("0102030405"));
        return (leaf, leafKey, ca);
    }

    public static string CertificatePem(X509Certificate2 cert) => cert.ExportCertificatePem();
}
