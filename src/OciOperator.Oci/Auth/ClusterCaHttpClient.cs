using System.Net.Security;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace OciOperator.Oci.Auth;

/// <summary>
/// An HttpClient that trusts exactly the Kubernetes cluster CA (for the OKE proxymux, oci.md §2.4): the CA file is
/// <c>/var/run/secrets/kubernetes.io/serviceaccount/ca.crt</c> unless <c>OCI_KUBERNETES_SERVICE_ACCOUNT_CERT_PATH</c> says otherwise.
/// </summary>
public static class ClusterCaHttpClient
{
    /// <summary>The in-pod default CA path.</summary>
    public const string DefaultCaPath = "/var/run/secrets/kubernetes.io/serviceaccount/ca.crt";

    /// <summary>Creates the client; a missing or unreadable CA file is a configuration error naming the path.</summary>
    public static HttpClient Create(string caPath)
    {
        X509Certificate2Collection roots;
        try
        {
            roots = [];
            roots.ImportFromPemFile(caPath);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or CryptographicException)
        {
            throw new OciConfigurationException($"OKE workload identity: the cluster CA '{caPath}' cannot be read: {ex.Message}", ex);
        }

        if (roots.Count == 0)
        {
            throw new OciConfigurationException($"OKE workload identity: the cluster CA '{caPath}' holds no certificate.");
        }

        var handler = new SocketsHttpHandler
        {
            SslOptions = new SslClientAuthenticationOptions
            {
                RemoteCertificateValidationCallback = (_, certificate, _, errors) =>
                {
                    if (certificate is null)
                    {
                        return false;
                    }

                    if (errors == SslPolicyErrors.None)
                    {
                        return true;
                    }

                    // Name mismatches stay fatal; only the chain is re-checked against the cluster CA.
                    if ((errors & SslPolicyErrors.RemoteCertificateNameMismatch) != 0)
                    {
                        return false;
                    }

                    using var chain = new X509Chain();
                    chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
                    chain.ChainPolicy.CustomTrustStore.AddRange(roots);
                    chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
                    using var leaf = new X509Certificate2(certificate);
                    return chain.Build(leaf);
                },
            },
        };
        return new HttpClient(handler, disposeHandler: true);
    }
}
