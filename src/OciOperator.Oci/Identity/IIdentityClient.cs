namespace OciOperator.Oci.Identity;

/// <summary>The identity (IAM) 20160918 API calls the operator makes.</summary>
public interface IIdentityClient
{
    /// <summary>GET /availabilityDomains?compartmentId=… — the region's availability domains with the tenancy's full names.</summary>
    Task<IReadOnlyList<AvailabilityDomain>> ListAvailabilityDomainsAsync(string compartmentId, CancellationToken ct);
}
