using System.Text.Json;

namespace OciOperator.Oci.Mysql;

/// <summary>Body of CreateDbSystem (oci.md §5.2). Unset properties are omitted from the JSON.</summary>
public sealed record CreateDbSystemDetails
{
    public required string CompartmentId { get; init; }

    public required string ShapeName { get; init; }

    public required string SubnetId { get; init; }

    public string? DisplayName { get; init; }

    public string? Description { get; init; }

    public RestDetails? Rest { get; init; }

    public DatabaseConsoleDetails? DatabaseConsole { get; init; }

    public bool? IsHighlyAvailable { get; init; }

    public string? AvailabilityDomain { get; init; }

    public string? FaultDomain { get; init; }

    public string? ConfigurationId { get; init; }

    public string? MysqlVersion { get; init; }

    public IReadOnlyList<string>? NsgIds { get; init; }

    public IReadOnlyDictionary<string, IReadOnlyDictionary<string, JsonElement>>? SecurityAttributes { get; init; }

    public string? AdminUsername { get; init; }

    public string? AdminPassword { get; init; }

    public int? DataStorageSizeInGBs { get; init; }

    public DataStorage? DataStorage { get; init; }

    public string? HostnameLabel { get; init; }

    public string? IpAddress { get; init; }

    public int? Port { get; init; }

    public int? PortX { get; init; }

    public BackupPolicy? BackupPolicy { get; init; }

    public MaintenanceDetails? Maintenance { get; init; }

    public IReadOnlyDictionary<string, string>? FreeformTags { get; init; }

    public IReadOnlyDictionary<string, IReadOnlyDictionary<string, JsonElement>>? DefinedTags { get; init; }

    public DeletionPolicy? DeletionPolicy { get; init; }

    public EnabledState? CrashRecovery { get; init; }

    public EnabledState? DatabaseManagement { get; init; }

    public SecureConnections? SecureConnections { get; init; }

    public EncryptData? EncryptData { get; init; }

    public DatabaseMode? DatabaseMode { get; init; }

    public AccessMode? AccessMode { get; init; }

    public IReadOnlyList<CustomerContact>? CustomerContacts { get; init; }

    public ReadEndpoint? ReadEndpoint { get; init; }

    public TelemetryConfiguration? TelemetryConfiguration { get; init; }

    public DbSystemSource? Source { get; init; }

    /// <summary>Redacts the admin password (records print every property otherwise).</summary>
    private bool PrintMembers(System.Text.StringBuilder builder)
    {
        builder.Append("DisplayName = ").Append(DisplayName).Append(", AdminUsername = ").Append(AdminUsername)
            .Append(", AdminPassword = ").Append(AdminPassword is null ? "<unset>" : "***");
        return true;
    }
}
