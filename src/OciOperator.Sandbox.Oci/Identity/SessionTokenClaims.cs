namespace OciOperator.Sandbox.Oci.Identity;

/// <summary>What a valid session token (JWT) issued by the emulator says.</summary>
/// <param name="PrincipalKind">instance, resource or workload.</param>
internal sealed record SessionTokenClaims(
    string PrincipalKind,
    string Subject,
    string TenancyId,
    DateTimeOffset IssuedAt,
    DateTimeOffset ExpiresAt,
    byte[] SessionPublicKeySpki);
