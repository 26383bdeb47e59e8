using System.ComponentModel;
using System.ComponentModel.DataAnnotations;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace OciOperator.Mysql.Api;

/// <summary>
/// The observed state of a DB system: the operator's own status at <c>status.status</c>, the OCI <c>DbSystem</c>
/// projected under its OCI JSON names (so <c>status.lifecycleState</c> is a typed string a kro <c>readyWhen</c> can
/// check), and the operator's bookkeeping (<c>observedGeneration</c>, <c>lastApplied</c>).
/// </summary>
[Description(
    "The observed state of a DB system: the operator's own status at status.status, the OCI DbSystem " +
    "projected under its OCI JSON names (so status.lifecycleState is a typed string a kro readyWhen can " +
    "check), and the operator's bookkeeping (observedGeneration, lastApplied).")]
public sealed record DbSystemStatus
{
    /// <summary>The operator's status: conditions, OCID, message, reason, opc-request-id and timestamps.</summary>
    [JsonPropertyName("status")]
    [Required]
    [Description("The operator's status: conditions, OCID, message, reason, opc-request-id and timestamps.")]
    public OsokStatus Status { get; init; } = new();

    /// <summary>Standard conditions (<c>Ready</c>, mirrored from <c>status.status.conditions</c>) for generic tools.</summary>
    [JsonPropertyName("conditions")]
    [Description("Standard conditions (Ready, mirrored from status.status.conditions) for generic tools: kubectl wait --for=condition=Ready.")]
    public IList<StandardCondition>? Conditions { get; init; }

    /// <summary><c>metadata.generation</c> last reconciled.</summary>
    [JsonPropertyName("observedGeneration")]
    [Description("metadata.generation last reconciled.")]
    public long? ObservedGeneration { get; init; }

    /// <summary>What was last applied to OCI; updates are computed against it.</summary>
    [JsonPropertyName("lastApplied")]
    [Description("What was last applied to OCI; updates are computed against it.")]
    public DbSystemLastApplied? LastApplied { get; init; }

    /// <summary>OCID of the DB system.</summary>
    [JsonPropertyName("id")]
    [Description("OCID of the DB system.")]
    public string? Id { get; init; }

    /// <summary>Name of the DB system.</summary>
    [JsonPropertyName("displayName")]
    [Description("Name of the DB system.")]
    public string? DisplayName { get; init; }

    /// <summary>OCID of the compartment.</summary>
    [JsonPropertyName("compartmentId")]
    [Description("OCID of the compartment.")]
    public string? CompartmentId { get; init; }

    /// <summary>OCID of the subnet.</summary>
    [JsonPropertyName("subnetId")]
    [Description("OCID of the subnet.")]
    public string? SubnetId { get; init; }

    /// <summary>Running MySQL version.</summary>
    [JsonPropertyName("mysqlVersion")]
    [Description("Running MySQL version.")]
    public string? MysqlVersion { get; init; }

    /// <summary>OCI lifecycle state: CREATING, ACTIVE, INACTIVE, UPDATING, DELETING, DELETED or FAILED.</summary>
    [JsonPropertyName("lifecycleState")]
    [Description("OCI lifecycle state: CREATING, ACTIVE, INACTIVE, UPDATING, DELETING, DELETED or FAILED.")]
    public string? LifecycleState { get; init; }

    /// <summary>Detail of the lifecycle state.</summary>
    [JsonPropertyName("lifecycleDetails")]
    [Description("Detail of the lifecycle state.")]
    public string? LifecycleDetails { get; init; }

    /// <summary>Availability domain (full name).</summary>
    [JsonPropertyName("availabilityDomain")]
    [Description("Availability domain (full name).")]
    public string? AvailabilityDomain { get; init; }

    /// <summary>Fault domain.</summary>
    [JsonPropertyName("faultDomain")]
    [Description("Fault domain.")]
    public string? FaultDomain { get; init; }

    /// <summary>Where the primary instance currently runs.</summary>
    [JsonPropertyName("currentPlacement")]
    [Description("Where the primary instance currently runs.")]
    public DbSystemPlacement? CurrentPlacement { get; init; }

    /// <summary>Shape of the DB system.</summary>
    [JsonPropertyName("shapeName")]
    [Description("Shape of the DB system.")]
    public string? ShapeName { get; init; }

    /// <summary>OCID of the MySQL configuration.</summary>
    [JsonPropertyName("configurationId")]
    [Description("OCID of the MySQL configuration.")]
    public string? ConfigurationId { get; init; }

    /// <summary>DNS hostname label of the primary endpoint.</summary>
    [JsonPropertyName("hostnameLabel")]
    [Description("DNS hostname label of the primary endpoint.")]
    public string? HostnameLabel { get; init; }

    /// <summary>Private IP address of the primary endpoint.</summary>
    [JsonPropertyName("ipAddress")]
    [Description("Private IP address of the primary endpoint.")]
    public string? IpAddress { get; init; }

    /// <summary>MySQL classic protocol port.</summary>
    [JsonPropertyName("port")]
    [Range(0, int.MaxValue)]
    [Description("MySQL classic protocol port.")]
    public int? Port { get; init; }

    /// <summary>MySQL X protocol port.</summary>
    [JsonPropertyName("portX")]
    [Range(0, int.MaxValue)]
    [Description("MySQL X protocol port.")]
    public int? PortX { get; init; }

    /// <summary>Network endpoints.</summary>
    [JsonPropertyName("endpoints")]
    [Description("Network endpoints.")]
    public IList<DbSystemEndpoint>? Endpoints { get; init; }

    /// <summary>Data storage size, in GB.</summary>
    [JsonPropertyName("dataStorageSizeInGBs")]
    [Range(0, int.MaxValue)]
    [Description("Data storage size, in GB.")]
    public int? DataStorageSizeInGBs { get; init; }

    /// <summary>Observed storage.</summary>
    [JsonPropertyName("dataStorage")]
    [Description("Observed storage.")]
    public DbSystemDataStorageStatus? DataStorage { get; init; }

    /// <summary>Whether the DB system is highly available.</summary>
    [JsonPropertyName("isHighlyAvailable")]
    [Description("Whether the DB system is highly available.")]
    public bool? IsHighlyAvailable { get; init; }

    /// <summary>Whether a HeatWave cluster is attached.</summary>
    [JsonPropertyName("isHeatWaveClusterAttached")]
    [Description("Whether a HeatWave cluster is attached.")]
    public bool? IsHeatWaveClusterAttached { get; init; }

    /// <summary>The attached HeatWave cluster.</summary>
    [JsonPropertyName("heatWaveCluster")]
    [Description("The attached HeatWave cluster.")]
    public DbSystemHeatWaveCluster? HeatWaveCluster { get; init; }

    /// <summary>Replication channels.</summary>
    [JsonPropertyName("channels")]
    [Description("Replication channels.")]
    public IList<DbSystemChannelSummary>? Channels { get; init; }

    /// <summary>Observed backup policy.</summary>
    [JsonPropertyName("backupPolicy")]
    [Description("Observed backup policy.")]
    public DbSystemBackupPolicy? BackupPolicy { get; init; }

    /// <summary>Observed source.</summary>
    [JsonPropertyName("source")]
    [Description("Observed source.")]
    public DbSystemSourceStatus? Source { get; init; }

    /// <summary>Observed maintenance schedule.</summary>
    [JsonPropertyName("maintenance")]
    [Description("Observed maintenance schedule.")]
    public DbSystemMaintenanceStatus? Maintenance { get; init; }

    /// <summary>Observed deletion policy.</summary>
    [JsonPropertyName("deletionPolicy")]
    [Description("Observed deletion policy.")]
    public DbSystemDeletionPolicy? DeletionPolicy { get; init; }

    /// <summary>Controlled update in progress.</summary>
    [JsonPropertyName("controlledUpdate")]
    [Description("Controlled update in progress.")]
    public DbSystemControlledUpdate? ControlledUpdate { get; init; }

    /// <summary>Point-in-time recovery range.</summary>
    [JsonPropertyName("pointInTimeRecoveryDetails")]
    [Description("Point-in-time recovery range.")]
    public DbSystemPointInTimeRecoveryDetails? PointInTimeRecoveryDetails { get; init; }

    /// <summary>ENABLED or DISABLED.</summary>
    [JsonPropertyName("crashRecovery")]
    [Description("ENABLED or DISABLED.")]
    public string? CrashRecovery { get; init; }

    /// <summary>ENABLED or DISABLED.</summary>
    [JsonPropertyName("databaseManagement")]
    [Description("ENABLED or DISABLED.")]
    public string? DatabaseManagement { get; init; }

    /// <summary>READ_WRITE or READ_ONLY.</summary>
    [JsonPropertyName("databaseMode")]
    [Description("READ_WRITE or READ_ONLY.")]
    public string? DatabaseMode { get; init; }

    /// <summary>UNRESTRICTED or RESTRICTED.</summary>
    [JsonPropertyName("accessMode")]
    [Description("UNRESTRICTED or RESTRICTED.")]
    public string? AccessMode { get; init; }

    /// <summary>Description of the DB system.</summary>
    [JsonPropertyName("description")]
    [Description("Description of the DB system.")]
    public string? Description { get; init; }

    /// <summary>OCIDs of the network security groups.</summary>
    [JsonPropertyName("nsgIds")]
    [Description("OCIDs of the network security groups.")]
    public IList<string>? NsgIds { get; init; }

    /// <summary>Security attributes.</summary>
    [JsonPropertyName("securityAttributes")]
    [Description("Security attributes.")]
    public IDictionary<string, IDictionary<string, string>>? SecurityAttributes { get; init; }

    /// <summary>Observed REST service settings.</summary>
    [JsonPropertyName("rest")]
    [Description("Observed REST service settings.")]
    public DbSystemRest? Rest { get; init; }

    /// <summary>Observed database console settings.</summary>
    [JsonPropertyName("databaseConsole")]
    [Description("Observed database console settings.")]
    public DbSystemDatabaseConsole? DatabaseConsole { get; init; }

    /// <summary>Observed TLS certificate settings.</summary>
    [JsonPropertyName("secureConnections")]
    [Description("Observed TLS certificate settings.")]
    public DbSystemSecureConnections? SecureConnections { get; init; }

    /// <summary>Observed encryption settings.</summary>
    [JsonPropertyName("encryptData")]
    [Description("Observed encryption settings.")]
    public DbSystemEncryptData? EncryptData { get; init; }

    /// <summary>Operational contacts.</summary>
    [JsonPropertyName("customerContacts")]
    [Description("Operational contacts.")]
    public IList<DbSystemCustomerContact>? CustomerContacts { get; init; }

    /// <summary>Observed read endpoint.</summary>
    [JsonPropertyName("readEndpoint")]
    [Description("Observed read endpoint.")]
    public DbSystemReadEndpoint? ReadEndpoint { get; init; }

    /// <summary>Observed telemetry settings.</summary>
    [JsonPropertyName("telemetryConfiguration")]
    [Description("Observed telemetry settings.")]
    public DbSystemTelemetryConfiguration? TelemetryConfiguration { get; init; }

    /// <summary>Free-form tags.</summary>
    [JsonPropertyName("freeformTags")]
    [Description("Free-form tags.")]
    public IDictionary<string, string>? FreeformTags { get; init; }

    /// <summary>Defined tags.</summary>
    [JsonPropertyName("definedTags")]
    [Description("Defined tags.")]
    public IDictionary<string, IDictionary<string, string>>? DefinedTags { get; init; }

    /// <summary>System tags (namespace, key, value), as OCI returns them.</summary>
    [JsonPropertyName("systemTags")]
    [Description("System tags (namespace, key, value), as OCI returns them.")]
    public IDictionary<string, IDictionary<string, JsonElement>>? SystemTags { get; init; }

    /// <summary>When OCI created the DB system.</summary>
    [JsonPropertyName("timeCreated")]
    [Description("When OCI created the DB system.")]
    public DateTimeOffset? TimeCreated { get; init; }

    /// <summary>When OCI last updated the DB system.</summary>
    [JsonPropertyName("timeUpdated")]
    [Description("When OCI last updated the DB system.")]
    public DateTimeOffset? TimeUpdated { get; init; }

    /// <summary>The admin username Secret reference last applied (never the value).</summary>
    [JsonPropertyName("adminUsername")]
    [Description("The admin username Secret reference last applied (never the value).")]
    public AdminCredentialSource? AdminUsername { get; init; }

    /// <summary>The admin password Secret reference last applied (never the value).</summary>
    [JsonPropertyName("adminPassword")]
    [Description("The admin password Secret reference last applied (never the value).")]
    public AdminCredentialSource? AdminPassword { get; init; }
}
