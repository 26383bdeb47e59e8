using OciOperator.Oci.Signing;

namespace OciOperator.Oci.Auth;

/// <summary>Credentials with the moment their token expires, plus facts learnt while obtaining them.</summary>
public sealed record TokenCredentials(SigningCredentials Credentials, DateTimeOffset ExpiresAt, string? TenancyId = null, string? Region = null);
