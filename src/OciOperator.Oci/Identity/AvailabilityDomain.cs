namespace OciOperator.Oci.Identity;

/// <summary>An availability domain as the identity API lists it: <c>name</c> is the tenancy's full name (<c>Uocm:US-ASHBURN-AD-1</c>).</summary>
public sealed record AvailabilityDomain
{
    /// <summary>The full name, with the tenancy-specific prefix.</summary>
    public required string Name { get; init; }

    /// <summary>The availability domain's OCID.</summary>
    public string? Id { get; init; }

    /// <summary>The compartment (tenancy) the listing was for.</summary>
    public string? CompartmentId { get; init; }
}
