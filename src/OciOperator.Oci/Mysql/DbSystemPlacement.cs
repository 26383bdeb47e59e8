namespace OciOperator.Oci.Mysql;

/// <summary>Where the primary instance currently runs.</summary>
public sealed record DbSystemPlacement
{
    public string? AvailabilityDomain { get; init; }

    public string? FaultDomain { get; init; }
}
