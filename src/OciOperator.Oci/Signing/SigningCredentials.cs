using System.Security.Cryptography;

namespace OciOperator.Oci.Signing;

/// <summary>
/// A key id and the RSA private key that signs for it. Providers swap the whole pair atomically, so a request
/// never combines a new token with an old key.
/// </summary>
public sealed record SigningCredentials(string KeyId, RSA PrivateKey)
{
    /// <summary>Never print the key id's token or the key itself.</summary>
    public override string ToString() =>
        KeyId.StartsWith("ST$", StringComparison.Ordinal) ? "SigningCredentials { KeyId = ST$<redacted> }" : $"SigningCredentials {{ KeyId = {KeyId} }}";
}
