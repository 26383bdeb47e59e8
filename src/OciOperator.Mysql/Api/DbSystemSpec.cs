using System.ComponentModel;
using System.ComponentModel.DataAnnotations;
using System.Text.Json.Serialization;
using OciOperator.Schemas.Crd;

namespace OciOperator.Mysql.Api;

/// <summary>
/// The desired state of a MySQL HeatWave DB system: the fields of OSOK's <c>DbSystem</c> (OCI
/// <c>CreateDbSystemDetails</c>, same JSON names), plus <c>id</c> to bind an existing DB system.
/// </summary>
[Description(
    "The desired state of a MySQL HeatWave DB system: the fields of OSOK's DbSystem (OCI " +
    "CreateDbSystemDetails, same JSON names), plus id to bind an existing DB system.")]
[CrdValidation(
    "!has(self.port) || !has(self.portX) || self.port != self.portX",
    Message = "port and portX must differ",
    FieldPath = ".portX")]
public sealed record DbSystemSpec
{
    /// <summary>OCID of an existing DB system to bind instead of creating one (the legacy OSOK binding field).</summary>
    [JsonPropertyName("id")]
    [MinLength(1)]
    [MaxLength(255)]
    [Description("OCID of an existing DB system to bind instead of creating one (the legacy OSOK binding field).")]
    public string? Id { get; init; }

    /// <summary>OCID of the compartment of the DB system.</summary>
    [JsonPropertyName("compartmentId")]
    [MinLength(1)]
    [MaxLength(255)]
    [Required]
    [Description("OCID of the compartment of the DB system.")]
    public string CompartmentId { get; init; } = "";

    /// <summary>Shape of the DB system, e.g. <c>MySQL.2</c> or <c>MySQL.VM.Standard.E3.1.8GB</c>.</summary>
    [JsonPropertyName("shapeName")]
    [MinLength(1)]
    [Required]
    [Description("Shape of the DB system, e.g. MySQL.2 or MySQL.VM.Standard.E3.1.8GB.")]
    public string ShapeName { get; init; } = "";

    /// <summary>OCID of the private subnet of the DB system.</summary>
    [JsonPropertyName("subnetId")]
    [MinLength(1)]
    [MaxLength(255)]
    [Required]
    [Description("OCID of the private subnet of the DB system.")]
    public string SubnetId { get; init; } = "";

    /// <summary>User-friendly name; not unique.</summary>
    [JsonPropertyName("displayName")]
    [MaxLength(255)]
    [Description("User-friendly name; not unique.")]
    public string? DisplayName { get; init; }

    /// <summary>User-provided description.</summary>
    [JsonPropertyName("description")]
    [MaxLength(400)]
    [Description("User-provided description.")]
    public string? Description { get; init; }

    /// <summary>Secret holding the admin user name (key <c>username</c>).</summary>
    [JsonPropertyName("adminUsername")]
    [Description("Secret holding the admin user name (key username).")]
    public AdminCredentialSource? AdminUsername { get; init; }

    /// <summary>Secret holding the admin password (key <c>password</c>).</summary>
    [JsonPropertyName("adminPassword")]
    [Description("Secret holding the admin password (key password).")]
    public AdminCredentialSource? AdminPassword { get; init; }

    /// <summary>Availability domain, full (<c>xxxx:US-ASHBURN-AD-1</c>) or suffix-only (<c>US-ASHBURN-AD-1</c>).</summary>
    [JsonPropertyName("availabilityDomain")]
    [Description("Availability domain, full (xxxx:US-ASHBURN-AD-1) or suffix-only (US-ASHBURN-AD-1).")]
    public string? AvailabilityDomain { get; init; }

    /// <summary>Fault domain, e.g. <c>FAULT-DOMAIN-1</c>.</summary>
    [JsonPropertyName("faultDomain")]
    [Description("Fault domain, e.g. FAULT-DOMAIN-1.")]
    public string? FaultDomain { get; init; }

    /// <summary>Whether the DB system runs three instances across fault or availability domains.</summary>
    [JsonPropertyName("isHighlyAvailable")]
    [Description("Whether the DB system runs three instances across fault or availability domains.")]
    public bool? IsHighlyAvailable { get; init; }

    /// <summary>OCID of the MySQL configuration.</summary>
    [JsonPropertyName("configurationId")]
    [MaxLength(255)]
    [Description("OCID of the MySQL configuration.")]
    public string? ConfigurationId { get; init; }

    /// <summary>MySQL version, e.g. <c>8.0.35</c>.</summary>
    [JsonPropertyName("mysqlVersion")]
    [Description("MySQL version, e.g. 8.0.35.")]
    public string? MysqlVersion { get; init; }

    /// <summary>Initial data storage size, in GB.</summary>
    [JsonPropertyName("dataStorageSizeInGBs")]
    [Range(50, 131072)]
    [Description("Initial data storage size, in GB.")]
    public int? DataStorageSizeInGBs { get; init; }

    /// <summary>Data storage settings.</summary>
    [JsonPropertyName("dataStorage")]
    [Description("Data storage settings.")]
    public DbSystemDataStorage? DataStorage { get; init; }

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
    [Range(1, 65535)]
    [Description("MySQL classic protocol port.")]
    public int? Port { get; init; }

    /// <summary>MySQL X protocol port.</summary>
    [JsonPropertyName("portX")]
    [Range(1, 65535)]
    [Description("MySQL X protocol port.")]
    public int? PortX { get; init; }

    /// <summary>OCIDs of the network security groups.</summary>
    [JsonPropertyName("nsgIds")]
    [Description("OCIDs of the network security groups.")]
    public IList<string>? NsgIds { get; init; }

    /// <summary>Zero-trust packet routing security attributes (namespace, key, value).</summary>
    [JsonPropertyName("securityAttributes")]
    [Description("Zero-trust packet routing security attributes (namespace, key, value).")]
    public IDictionary<string, IDictionary<string, string>>? SecurityAttributes { get; init; }

    /// <summary>Free-form tags (key, value).</summary>
    [JsonPropertyName("freeformTags")]
    [Description("Free-form tags (key, value).")]
    public IDictionary<string, string>? FreeformTags { get; init; }

    /// <summary>Defined tags (namespace, key, value).</summary>
    [JsonPropertyName("definedTags")]
    [Description("Defined tags (namespace, key, value).")]
    public IDictionary<string, IDictionary<string, string>>? DefinedTags { get; init; }

    /// <summary>Automatic backup policy.</summary>
    [JsonPropertyName("backupPolicy")]
    [Description("Automatic backup policy.")]
    public DbSystemBackupPolicy? BackupPolicy { get; init; }

    /// <summary>What the DB system is created from.</summary>
    [JsonPropertyName("source")]
    [Description("What the DB system is created from.")]
    public DbSystemSource? Source { get; init; }

    /// <summary>Maintenance schedule.</summary>
    [JsonPropertyName("maintenance")]
    [Description("Maintenance schedule.")]
    public DbSystemMaintenance? Maintenance { get; init; }

    /// <summary>Deletion policy (backups, delete protection).</summary>
    [JsonPropertyName("deletionPolicy")]
    [Description("Deletion policy (backups, delete protection).")]
    public DbSystemDeletionPolicy? DeletionPolicy { get; init; }

    /// <summary>ENABLED or DISABLED.</summary>
    [JsonPropertyName("crashRecovery")]
    [AllowedValues("ENABLED", "DISABLED")]
    [Description("ENABLED or DISABLED.")]
    public string? CrashRecovery { get; init; }

    /// <summary>ENABLED or DISABLED.</summary>
    [JsonPropertyName("databaseManagement")]
    [AllowedValues("ENABLED", "DISABLED")]
    [Description("ENABLED or DISABLED.")]
    public string? DatabaseManagement { get; init; }

    /// <summary>READ_WRITE or READ_ONLY.</summary>
    [JsonPropertyName("databaseMode")]
    [AllowedValues("READ_WRITE", "READ_ONLY")]
    [Description("READ_WRITE or READ_ONLY.")]
    public string? DatabaseMode { get; init; }

    /// <summary>UNRESTRICTED or RESTRICTED.</summary>
    [JsonPropertyName("accessMode")]
    [AllowedValues("UNRESTRICTED", "RESTRICTED")]
    [Description("UNRESTRICTED or RESTRICTED.")]
    public string? AccessMode { get; init; }

    /// <summary>TLS certificate settings.</summary>
    [JsonPropertyName("secureConnections")]
    [Description("TLS certificate settings.")]
    public DbSystemSecureConnections? SecureConnections { get; init; }

    /// <summary>Encryption of data at rest.</summary>
    [JsonPropertyName("encryptData")]
    [Description("Encryption of data at rest.")]
    public DbSystemEncryptData? EncryptData { get; init; }

    /// <summary>Operational contacts (at most 10).</summary>
    [JsonPropertyName("customerContacts")]
    [Description("Operational contacts (at most 10).")]
    public IList<DbSystemCustomerContact>? CustomerContacts { get; init; }

    /// <summary>Read endpoint settings.</summary>
    [JsonPropertyName("readEndpoint")]
    [Description("Read endpoint settings.")]
    public DbSystemReadEndpoint? ReadEndpoint { get; init; }

    /// <summary>REST service settings.</summary>
    [JsonPropertyName("rest")]
    [Description("REST service settings.")]
    public DbSystemRest? Rest { get; init; }

    /// <summary>Database console settings.</summary>
    [JsonPropertyName("databaseConsole")]
    [Description("Database console settings.")]
    public DbSystemDatabaseConsole? DatabaseConsole { get; init; }

    /// <summary>Telemetry (log export) settings.</summary>
    [JsonPropertyName("telemetryConfiguration")]
    [Description("Telemetry (log export) settings.")]
    public DbSystemTelemetryConfiguration? TelemetryConfiguration { get; init; }
}
