using System.Text.Json;

namespace OciOperator.Oci.Mysql;

/// <summary>A MySQL DbSystem as returned by Create/Get (oci.md §5.4).</summary>
public sealed record DbSystem
{
    public string? Id { get; init; }

    public string? DisplayName { get; init; }

    public string? CompartmentId { get; init; }

    public string? SubnetId { get; init; }

    public string? MysqlVersion { get; init; }

    public int? DataStorageSizeInGBs { get; init; }

    public DataStorage? DataStorage { get; init; }

    public DbSystemLifecycleState? LifecycleState { get; init; }

    public MaintenanceDetails? Maintenance { get; init; }

    public DeletionPolicy? DeletionPolicy { get; init; }

    public DateTimeOffset? TimeCreated { get; init; }

    public DateTimeOffset? TimeUpdated { get; init; }

    public DatabaseMode? DatabaseMode { get; init; }

    public AccessMode? AccessMode { get; init; }

    public string? Description { get; init; }

    public IReadOnlyList<string>? NsgIds { get; init; }

    public IReadOnlyDictionary<string, IReadOnlyDictionary<string, JsonElement>>? SecurityAttributes { get; init; }

    public RestDetails? Rest { get; init; }

    public DatabaseConsoleDetails? DatabaseConsole { get; init; }

    public bool? IsHighlyAvailable { get; init; }

    public DbSystemPlacement? CurrentPlacement { get; init; }

    public bool? IsHeatWaveClusterAttached { get; init; }

    public HeatWaveClusterSummary? HeatWaveCluster { get; init; }

    public string? AvailabilityDomain { get; init; }

    public string? FaultDomain { get; init; }

    public string? ShapeName { get; init; }

    public ControlledUpdate? ControlledUpdate { get; init; }

    public BackupPolicy? BackupPolicy { get; init; }

    public DbSystemSource? Source { get; init; }

    public string? ConfigurationId { get; init; }

    public string? HostnameLabel { get; init; }

    public string? IpAddress { get; init; }

    public int? Port { get; init; }

    public int? PortX { get; init; }

    public IReadOnlyList<DbSystemEndpoint>? Endpoints { get; init; }

    public IReadOnlyList<JsonElement>? Channels { get; init; }

    public string? LifecycleDetails { get; init; }

    public IReadOnlyDictionary<string, string>? FreeformTags { get; init; }

    public IReadOnlyDictionary<string, IReadOnlyDictionary<string, JsonElement>>? DefinedTags { get; init; }

    public IReadOnlyDictionary<string, IReadOnlyDictionary<string, JsonElement>>? SystemTags { get; init; }

    public EnabledState? CrashRecovery { get; init; }

    public PointInTimeRecoveryDetails? PointInTimeRecoveryDetails { get; init; }

    public EnabledState? DatabaseManagement { get; init; }

    public SecureConnections? SecureConnections { get; init; }

    public EncryptData? EncryptData { get; init; }

    public IReadOnlyList<CustomerContact>? CustomerContacts { get; init; }

    public ReadEndpoint? ReadEndpoint { get; init; }

    public TelemetryConfiguration? TelemetryConfiguration { get; init; }
}
