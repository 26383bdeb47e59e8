namespace OciOperator.Sandbox.Oci.Signing;

/// <summary>Who signed a request.</summary>
/// <param name="Kind">user, instance, resource, workload or federation.</param>
/// <param name="TenancyId">The tenancy the principal belongs to.</param>
/// <param name="Subject">User OCID, instance OCID, or the token subject.</param>
internal sealed record OciPrincipal(string Kind, string TenancyId, string Subject);
