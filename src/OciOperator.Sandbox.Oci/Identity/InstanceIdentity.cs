using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;

namespace OciOperator.Sandbox.Oci.Identity;

/// <summary>
/// The emulated instance's X.509 identity, generated at start: a self-signed root, an intermediate CA signed by it,
/// and a leaf whose subject carries <c>OU=opc-tenant:&lt;tenancy&gt;</c> and <c>OU=opc-instance:&lt;instance&gt;</c>, like
/// the certificates the real metadata service hands out.
/// </summary>
internal sealed class InstanceIdentity : IDisposable
{
    private InstanceIdentity(X509Certificate2 root, X509Certificate2 intermediate, X509Certificate2 leaf, RSA leafKey, string instanceId, string compartmentId)
    {
        Root = root;
        Intermediate = intermediate;
        Leaf = leaf;
        LeafKey = leafKey;
        InstanceId = instanceId;
        CompartmentId = compartmentId;
    }

    public X509Certificate2 Root { get; }

    public X509Certificate2 Intermediate { get; }

    public X509Certificate2 Leaf { get; }

    /// <summary>The leaf's private key (served at identity/key.pem).</summary>
    public RSA LeafKey { get; }

    public string InstanceId { get; }

    public string CompartmentId { get; }

    public string LeafPem => Leaf.ExportCertificatePem() + "\n";

    public string IntermediatePem => Intermediate.ExportCertificatePem() + "\n";

    public string LeafKeyPem => LeafKey.ExportRSAPrivateKeyPem() + "\n";

    /// <summary>Lowercase colon-separated SHA-1 (.NET SDK, <c>fed-x509</c>) fingerprint of the leaf.</summary>
    public string LeafSha1Fingerprint => ColonHex(SHA1.HashData(Leaf.RawData));

    /// <summary>Lowercase colon-separated SHA-256 (Go SDK, <c>fed-x509-sha256</c>) fingerprint of the leaf.</summary>
    public string LeafSha256Fingerprint => ColonHex(SHA256.HashData(Leaf.RawData));

    public static InstanceIdentity Create(string tenancyId, string region, TimeProvider timeProvider)
    {
        var now = timeProvider.GetUtcNow();
        var notBefore = now.AddDays(-1);
        var notAfter = now.AddYears(1);
        var suffix = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));
        var instanceId = $"ocid1.instance.oc1.{region}.emulator{suffix}";
        var compartmentId = $"ocid1.compartment.oc1..emulator{suffix}";

        // The CAs use P-256 (key generation is instant); the leaf is RSA-2048 because SDKs sign with it.
        using var rootKey = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var rootRequest = new CertificateRequest("CN=OCI Emulator Root CA, O=OCI Emulator", rootKey, HashAlgorithmName.SHA256);
        AddCaExtensions(rootRequest, pathLength: 1);
        using var root = rootRequest.CreateSelfSigned(notBefore, notAfter.AddYears(1));

        using var intermediateKey = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var intermediateRequest = new CertificateRequest(
            $"CN=PKISVC Identity Intermediate {region}, OU=opc-emulator, O=OCI Emulator", intermediateKey, HashAlgorithmName.SHA256);
        AddCaExtensions(intermediateRequest, pathLength: 0);
        intermediateRequest.CertificateExtensions.Add(X509AuthorityKeyIdentifierExtension.CreateFromCertificate(root, true, false));
        using var intermediatePublic = intermediateRequest.Create(root, notBefore, notAfter.AddMonths(6), RandomNumberGenerator.GetBytes(16));
        using var intermediate = intermediatePublic.CopyWithPrivateKey(intermediateKey);

        var leafKey = RSA.Create(2048);
        var subject = new X500DistinguishedNameBuilder();
        subject.AddOrganizationalUnitName($"opc-tenant:{tenancyId}");
        subject.AddOrganizationalUnitName($"opc-instance:{instanceId}");
        subject.AddOrganizationalUnitName($"opc-compartment:{compartmentId}");
        subject.AddOrganizationalUnitName("opc-certtype:instance");
        subject.AddCommonName(instanceId);
        var leafRequest = new CertificateRequest(subject.Build(), leafKey, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        leafRequest.CertificateExtensions.Add(new X509BasicConstraintsExtension(false, false, 0, true));
        leafRequest.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.DigitalSignature | X509KeyUsageFlags.KeyEncipherment, true));
        leafRequest.CertificateExtensions.Add(new X509SubjectKeyIdentifierExtension(leafRequest.PublicKey, false));
        leafRequest.CertificateExtensions.Add(X509AuthorityKeyIdentifierExtension.CreateFromCertificate(intermediate, true, false));
        var leaf = leafRequest.Create(
            intermediate.SubjectName, X509SignatureGenerator.CreateForECDsa(intermediateKey), notBefore, notAfter, RandomNumberGenerator.GetBytes(16));

        var rootPublic = X509CertificateLoader.LoadCertificate(root.RawData);
        var intermediateOnly = X509CertificateLoader.LoadCertificate(intermediate.RawData);
        return new InstanceIdentity(rootPublic, intermediateOnly, leaf, leafKey, instanceId, compartmentId);
    }

    /// <summary>True when <paramref name="leafDer"/> is our leaf and <paramref name="intermediatesDer"/> chains it to our root.</summary>
    public bool IsOurChain(byte[] leafDer, IReadOnlyList<byte[]> intermediatesDer, out string failure)
    {
        failure = string.Empty;
        if (!leafDer.AsSpan().SequenceEqual(Leaf.RawData))
        {
            failure = "The certificate is not the instance's current leaf certificate.";
            return false;
        }

        using var chain = new X509Chain();
        chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
        chain.ChainPolicy.CustomTrustStore.Add(Root);
        chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
        chain.ChainPolicy.VerificationFlags = X509VerificationFlags.IgnoreNotTimeValid;
        foreach (var der in intermediatesDer)
        {
            chain.ChainPolicy.ExtraStore.Add(X509CertificateLoader.LoadCertificate(der));
        }

        if (!chain.Build(Leaf))
        {
            failure = "The certificate chain does not verify: " +
                      string.Join("; ", chain.ChainStatus.Select(s => s.StatusInformation.Trim()));
            return false;
        }

        return true;
    }

    public void Dispose()
    {
        Root.Dispose();
        Intermediate.Dispose();
        Leaf.Dispose();
        LeafKey.Dispose();
    }

    private static void AddCaExtensions(CertificateRequest request, int pathLength)
    {
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, true, pathLength, true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.KeyCertSign | X509KeyUsageFlags.CrlSign, true));
        request.CertificateExtensions.Add(new X509SubjectKeyIdentifierExtension(request.PublicKey, false));
    }

    private static string ColonHex(byte[] bytes)
    {
        var builder = new StringBuilder(bytes.Length * 3);
        foreach (var b in bytes)
        {
            if (builder.Length > 0)
            {
                builder.Append(':');
            }

            builder.Append(b.ToString("x2", System.Globalization.CultureInfo.InvariantCulture));
        }

        return builder.ToString();
    }
}
