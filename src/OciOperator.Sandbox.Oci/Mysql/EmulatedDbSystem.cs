namespace OciOperator.Sandbox.Oci.Mysql;

/// <summary>A snapshot of one emulated MySQL DbSystem, for test assertions. The admin password is never kept.</summary>
public sealed record EmulatedDbSystem(
    string Id,
    string DisplayName,
    string? Description,
    string CompartmentId,
    string SubnetId,
    string ShapeName,
    string MysqlVersion,
    string LifecycleState,
    string? LifecycleDetails,
    string AvailabilityDomain,
    string FaultDomain,
    string IpAddress,
    string? HostnameLabel,
    int Port,
    int PortX,
    int DataStorageSizeInGBs,
    string AdminUsername,
    int AdminPasswordChanges,
    bool IsHighlyAvailable,
    string? ConfigurationId,
    IReadOnlyDictionary<string, string> FreeformTags,
    DateTimeOffset TimeCreated,
    DateTimeOffset TimeUpdated,
    string ETag)
{
    private static readonly IReadOnlyDictionary<string, IReadOnlyDictionary<string, string>> NoDefinedTags =
        new Dictionary<string, IReadOnlyDictionary<string, string>>(StringComparer.Ordinal);

    /// <summary>Defined tags by namespace, then key (values as strings).</summary>
    public IReadOnlyDictionary<string, IReadOnlyDictionary<string, string>> DefinedTags { get; init; } = NoDefinedTags;
}
