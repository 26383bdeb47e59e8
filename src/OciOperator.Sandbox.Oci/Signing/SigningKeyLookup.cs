using System.Security.Cryptography;

namespace OciOperator.Sandbox.Oci.Signing;

/// <summary>The outcome of resolving a keyId: the public key and who it belongs to, or why it is not trusted.</summary>
/// <param name="OwnsKey">True when the key was created for this lookup and the verifier must dispose it.</param>
internal sealed record SigningKeyLookup(RSA? PublicKey, OciPrincipal? Principal, string? Failure, bool OwnsKey = false)
{
    public static SigningKeyLookup Found(RSA key, OciPrincipal principal, bool ownsKey = false) => new(key, principal, null, ownsKey);

    public static SigningKeyLookup Rejected(string failure) => new(null, null, failure);
}
