using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace OciOperator.Oci.Signing;

/// <summary>Fingerprints used in OCI key ids (oci.md §1.2).</summary>
public static class KeyFingerprint
{
    /// <summary>API key fingerprint: MD5 of the DER SubjectPublicKeyInfo, lowercase colon-separated hex.</summary>
#pragma warning disable CA5351 // MD5 is what OCI defines for API key fingerprints; it is an identifier, not a security control.
    public static string ForPublicKey(RSA key) => ColonHex(MD5.HashData(key.ExportSubjectPublicKeyInfo()));
#pragma warning restore CA5351

    /// <summary>SHA-256 over the DER certificate, lowercase colon-separated hex (Go federation keyId).</summary>
    public static string ForCertificateSha256(X509Certificate2 certificate) => ColonHex(SHA256.HashData(certificate.RawData));

    private static string ColonHex(byte[] bytes) => string.Join(':', bytes.Select(b => b.ToString("x2", System.Globalization.CultureInfo.InvariantCulture)));
}
