using System.Text.Json;

namespace OciOperator.Oci.Mysql;

/// <summary>A ListDbSystems item (oci.md §5.4).</summary>
public sealed record DbSystemSummary
{
    public string? Id { get; init; }

    public string? DisplayName { get; init; }

    public DbSystemLifecycleState? LifecycleState { get; init; }

    public string? MysqlVersion { get; init; }

    public DateTimeOffset? TimeCreated { get; init; }

    public DateTimeOffset? TimeUpdated { get; init; }

    public DatabaseMode? DatabaseMode { get; init; }

    public AccessMode? AccessMode { get; init; }

    public string? Description { get; init; }

    public string? CompartmentId { get; init; }

    public RestDetails? Rest { get; init; }

    public DatabaseConsoleDetails? DatabaseConsole { get; init; }

    public bool? IsHighlyAvailable { get; init; }

    public DbSystemPlacement? CurrentPlacement { get; init; }

    public bool? IsHeatWaveClusterAttached { get; init; }

    public HeatWaveClusterSummary? HeatWaveCluster { get; init; }

    public string? AvailabilityDomain { get; init; }

    public string? FaultDomain { get; init; }

    public IReadOnlyList<DbSystemEndpoint>? Endpoints { get; init; }

    public DeletionPolicy? DeletionPolicy { get; init; }

    public IReadOnlyDictionary<string, string>? FreeformTags { get; init; }

    public IReadOnlyDictionary<string, IReadOnlyDictionary<string, JsonElement>>? DefinedTags { get; init; }

    public IReadOnlyDictionary<string, IReadOnlyDictionary<string, JsonElement>>? SystemTags { get; init; }

    public BackupPolicy? BackupPolicy { get; init; }

    public string? ShapeName { get; init; }

    public EnabledState? CrashRecovery { get; init; }

    public EnabledState? DatabaseManagement { get; init; }

    public ReadEndpoint? ReadEndpoint { get; init; }
}
