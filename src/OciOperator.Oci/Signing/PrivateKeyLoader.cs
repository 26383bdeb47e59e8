using System.Security.Cryptography;

namespace OciOperator.Oci.Signing;

/// <summary>Loads RSA private keys from PEM (PKCS#1, PKCS#8, encrypted PKCS#8) with clear, secret-free errors.</summary>
public static class PrivateKeyLoader
{
    /// <summary>Loads a key from PEM text. <paramref name="source"/> names where it came from, for error messages.</summary>
    public static RSA FromPem(string pem, string? passphrase, string source)
    {
        ArgumentNullException.ThrowIfNull(pem);
        if (!pem.Contains("-----BEGIN", StringComparison.Ordinal))
        {
            throw new OciConfigurationException($"The private key from {source} is not PEM (no '-----BEGIN' line).");
        }

        var encrypted = pem.Contains("ENCRYPTED", StringComparison.Ordinal);
        if (encrypted && string.IsNullOrEmpty(passphrase))
        {
            throw new OciConfigurationException($"The private key from {source} is encrypted but no passphrase (pass_phrase) is configured.");
        }

        var rsa = RSA.Create();
        try
        {
            if (encrypted)
            {
                rsa.ImportFromEncryptedPem(pem, passphrase);
            }
            else
            {
                rsa.ImportFromPem(pem);
            }

            return rsa;
        }
        catch (CryptographicException ex)
        {
            rsa.Dispose();
            var what = encrypted
                ? "could not be decrypted (wrong passphrase or corrupt key)"
                : "is not a readable RSA private key";
            throw new OciConfigurationException($"The private key from {source} {what}: {ex.GetType().Name}.", ex);
        }
        catch (ArgumentException ex)
        {
            rsa.Dispose();
            throw new OciConfigurationException($"The private key from {source} is not a readable RSA private key (no supported PEM block).", ex);
        }
    }

    /// <summary>Loads a key from a PEM file.</summary>
    public static RSA FromFile(string path, string? passphrase)
    {
        string pem;
        try
        {
            pem = File.ReadAllText(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new OciConfigurationException($"The private key file '{path}' cannot be read: {ex.Message}", ex);
        }

        return FromPem(pem, passphrase, $"file '{path}'");
    }
}
