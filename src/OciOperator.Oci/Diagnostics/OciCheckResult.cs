using OciOperator.Oci.Auth;

namespace OciOperator.Oci.Diagnostics;

/// <summary>Outcome of an OCI check: who we are, where we called, and on failure the likely cause.</summary>
public sealed record OciCheckResult
{
    public bool Succeeded => Failure == OciCheckFailure.None;

    public OciCheckFailure Failure { get; init; }

    public PrincipalType? PrincipalType { get; init; }

    public string? TenancyId { get; init; }

    public string? Region { get; init; }

    public Uri? Endpoint { get; init; }

    public string? OpcRequestId { get; init; }

    /// <summary>What happened (status, error code or exception summary). Never contains secrets.</summary>
    public required string Detail { get; init; }

    /// <summary>The likely cause and what to do about it (null on success).</summary>
    public string? LikelyCause { get; init; }
}
