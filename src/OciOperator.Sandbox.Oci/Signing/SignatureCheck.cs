namespace OciOperator.Sandbox.Oci.Signing;

/// <summary>The verdict on one request's signature.</summary>
internal sealed record SignatureCheck(OciPrincipal? Principal, string? Failure)
{
    public bool IsValid => Principal is not null;

    public static SignatureCheck Accepted(OciPrincipal principal) => new(principal, null);

    public static SignatureCheck Rejected(string failure) => new(null, failure);
}
