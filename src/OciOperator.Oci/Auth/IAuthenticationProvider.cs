using OciOperator.Oci.Signing;

namespace OciOperator.Oci.Auth;

/// <summary>
/// The OCI authentication boundary: hands out the current key id + private key pair (swapped atomically on
/// refresh). Implementations are thread-safe.
/// </summary>
public interface IAuthenticationProvider
{
    /// <summary>What kind of principal this is.</summary>
    PrincipalType PrincipalType { get; }

    /// <summary>The region the principal lives in, when known (instance metadata, config, environment).</summary>
    string? Region { get; }

    /// <summary>The tenancy OCID, when known.</summary>
    string? TenancyId { get; }

    /// <summary>Current credentials; refreshes them first when they expire within the provider's buffer.</summary>
    ValueTask<SigningCredentials> GetCredentialsAsync(CancellationToken ct);

    /// <summary>
    /// Called after the service answered 401 to a request signed with <paramref name="rejected"/>. Returns true
    /// when fresh credentials were obtained (the caller may retry once); false for static credentials.
    /// </summary>
    ValueTask<bool> RefreshAfterUnauthorizedAsync(SigningCredentials rejected, CancellationToken ct);
}
