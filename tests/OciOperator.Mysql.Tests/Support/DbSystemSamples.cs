using System.Text.Json;
using k8s.Models;
using OciOperator.Mysql.Api;

namespace OciOperator.Mysql.Tests.Support;

/// <summary>Test data: DbSystems with every field set.</summary>
internal static class DbSystemSamples
{
    public static readonly DateTimeOffset Time = new(2026, 11, 23, 21, 10, 29, TimeSpan.Zero);

    public static DbSystemSpec FullSpec() => new()
    {
        Id = "ocid1.mysqldbsystem.oc1..bound",
        CompartmentId = "ocid1.compartment.oc1..c",
        ShapeName = "MySQL.2",
        SubnetId = "ocid1.subnet.oc1..s",
        DisplayName = "db",
        Description = "a database",
        AdminUsername = new AdminCredentialSource { Secret = new SecretSource { SecretName = "admin" } },
        AdminPassword = new AdminCredentialSource { Secret = new SecretSource { SecretName = "admin" } },
        AvailabilityDomain = "qqZb:US-ASHBURN-AD-1",
        FaultDomain = "FAULT-DOMAIN-2",
        IsHighlyAvailable = false,
        ConfigurationId = "ocid1.mysqlconfiguration.oc1..cfg",
        MysqlVersion = "8.4.3",
        DataStorageSizeInGBs = 50,
        DataStorage = new DbSystemDataStorage { IsAutoExpandStorageEnabled = true, MaxStorageSizeInGBs = 200 },
        HostnameLabel = "db-host",
        IpAddress = "10.0.1.7",
        Port = 3306,
        PortX = 33060,
        NsgIds = ["ocid1.nsg.oc1..a"],
        SecurityAttributes = Nested("zpr", "mode", "enforce"),
        FreeformTags = new Dictionary<string, string> { ["team"] = "data" },
        DefinedTags = Nested("ops", "cost", "42"),
        BackupPolicy = new DbSystemBackupPolicy
        {
            IsEnabled = true,
            SoftDelete = "ENABLED",
            CopyPolicies = [new DbSystemBackupCopyPolicy { CopyToRegion = "us-phoenix-1", BackupCopyRetentionInDays = 3 }],
            WindowStartTime = "01:00",
            RetentionInDays = 7,
            FreeformTags = new Dictionary<string, string> { ["backup"] = "yes" },
            DefinedTags = Nested("ops", "tier", "gold"),
            PitrPolicy = new DbSystemPitrPolicy { IsEnabled = true },
        },
        Source = new DbSystemSource
        {
            SourceType = "PITR",
            JsonData = "{}",
            BackupId = "ocid1.mysqlbackup.oc1..b",
            SourceUrl = "https://objectstorage.example/p/dump",
            DbSystemId = "ocid1.mysqldbsystem.oc1..src",
            RecoveryPoint = "2026-11-20T10:00:00Z",
        },
        Maintenance = new DbSystemMaintenance
        {
            WindowStartTime = "sun 02:00",
            VersionPreference = "OLDEST",
            VersionTrackPreference = "LONG_TERM_SUPPORT",
            MaintenanceScheduleType = "REGULAR",
            MaintenanceDisabledWindows = [new DbSystemMaintenanceDisabledWindow { TimeStart = "2026-12-24T00:00:00Z", TimeEnd = "2026-12-27T00:00:00Z" }],
        },
        DeletionPolicy = new DbSystemDeletionPolicy { AutomaticBackupRetention = "RETAIN", FinalBackup = "REQUIRE_FINAL_BACKUP", IsDeleteProtected = true },
        CrashRecovery = "ENABLED",
        DatabaseManagement = "DISABLED",
        DatabaseMode = "READ_WRITE",
        AccessMode = "UNRESTRICTED",
        SecureConnections = new DbSystemSecureConnections { CertificateGenerationType = "BYOC", CertificateId = "ocid1.certificate.oc1..x" },
        EncryptData = new DbSystemEncryptData { KeyGenerationType = "BYOK", KeyId = "ocid1.key.oc1..k" },
        CustomerContacts = [new DbSystemCustomerContact { Email = "dba@example.com" }],
        ReadEndpoint = new DbSystemReadEndpoint
        {
            IsEnabled = true,
            ReadEndpointIpAddress = "10.0.1.8",
            ReadEndpointHostnameLabel = "db-read",
            ExcludeIps = ["10.0.1.9"],
        },
        Rest = new DbSystemRest { Configuration = "DBSYSTEM_ONLY", Port = 443 },
        DatabaseConsole = new DbSystemDatabaseConsole { Status = "ENABLED", Port = 8443 },
        TelemetryConfiguration = new DbSystemTelemetryConfiguration
        {
            Logs =
            [
                new DbSystemTelemetryLog
                {
                    Destination = "LOG_ANALYTICS",
                    DestinationConfigurations = [new DbSystemTelemetryDestinationConfiguration { Key = "logGroupId", Value = "ocid1.loggroup.oc1..g" }],
                    LogTypes = ["ERROR_LOG", "SLOW_QUERY_LOG"],
                },
            ],
        },
    };

    public static DbSystemEndpoint Endpoint() => new()
    {
        IpAddress = "10.0.1.7",
        Port = 3306,
        PortX = 33060,
        Hostname = "db-host",
        Modes = ["READ", "WRITE"],
        Status = "ACTIVE",
        StatusDetails = "ok",
        ResourceType = "DBSYSTEM",
        ResourceId = "ocid1.mysqldbsystem.oc1..x",
    };

    public static DbSystemStatus FullStatus() => new()
    {
        Status = new OsokStatus
        {
            Conditions =
            [
                new OsokCondition { Type = DbSystemConditionType.Provisioning, Status = "False", LastTransitionTime = Time, Message = "done", Reason = "Created" },
                new OsokCondition { Type = DbSystemConditionType.Active, Status = "True", LastTransitionTime = Time, Message = "db", Reason = "Active" },
            ],
            Async = new OsokAsyncStatus
            {
                Current = new OsokAsyncOperation
                {
                    Source = "workrequest", Phase = "update", WorkRequestId = "ocid1.mysqlworkrequest.oc1..w", RawStatus = "IN_PROGRESS",
                    RawOperationType = "UPDATE_DBSYSTEM", NormalizedClass = "pending", PercentComplete = 40, Message = "updating", UpdatedAt = Time,
                },
            },
            OpcRequestId = "req-1",
            Ocid = "ocid1.mysqldbsystem.oc1..x",
            Message = "db",
            Reason = DbSystemConditionType.Active,
            CreatedAt = Time,
            UpdatedAt = Time,
            RequestedAt = Time,
            DeletedAt = Time,
        },
        Conditions = [new StandardCondition { Type = "Ready", Status = "True", ObservedGeneration = 3, LastTransitionTime = Time, Reason = "Reconciled", Message = "ready" }],
        ObservedGeneration = 3,
        LastApplied = new DbSystemLastApplied
        {
            Generation = 3, Spec = FullSpec(), AdminUsernameSecretVersion = "11", AdminPasswordSecretVersion = "12", Time = Time,
        },
        Id = "ocid1.mysqldbsystem.oc1..x",
        DisplayName = "db",
        CompartmentId = "ocid1.compartment.oc1..c",
        SubnetId = "ocid1.subnet.oc1..s",
        MysqlVersion = "8.4.3",
        LifecycleState = Oci.Mysql.DbSystemLifecycleState.Active.Value,
        LifecycleDetails = "running",
        AvailabilityDomain = "qqZb:US-ASHBURN-AD-1",
        FaultDomain = "FAULT-DOMAIN-2",
        CurrentPlacement = new DbSystemPlacement { AvailabilityDomain = "qqZb:US-ASHBURN-AD-1", FaultDomain = "FAULT-DOMAIN-2" },
        ShapeName = "MySQL.2",
        ConfigurationId = "ocid1.mysqlconfiguration.oc1..cfg",
        HostnameLabel = "db-host",
        IpAddress = "10.0.1.7",
        Port = 3306,
        PortX = 33060,
        Endpoints = [Endpoint()],
        DataStorageSizeInGBs = 50,
        DataStorage = new DbSystemDataStorageStatus
        {
            IsAutoExpandStorageEnabled = true, MaxStorageSizeInGBs = 200, AllocatedStorageSizeInGBs = 50, DataStorageSizeInGBs = 50, DataStorageSizeLimitInGBs = 4096,
        },
        IsHighlyAvailable = false,
        IsHeatWaveClusterAttached = true,
        HeatWaveCluster = new DbSystemHeatWaveCluster
        {
            ShapeName = "HeatWave.512GB", ClusterSize = 2, LifecycleState = "ACTIVE", TimeCreated = Time, TimeUpdated = Time, IsLakehouseEnabled = false,
        },
        Channels =
        [
            new DbSystemChannelSummary
            {
                Id = "ocid1.mysqlchannel.oc1..ch", CompartmentId = "ocid1.compartment.oc1..c", DisplayName = "in", IsEnabled = true,
                LifecycleState = "ACTIVE", Source = Json("""{"sourceType":"MYSQL","hostname":"src","port":3306}"""),
                Target = Json("""{"targetType":"DBSYSTEM","dbSystemId":"ocid1.mysqldbsystem.oc1..x"}"""), TimeCreated = Time,
                FreeformTags = new Dictionary<string, string> { ["a"] = "b" }, DefinedTags = Nested("ops", "k", "v"),
            },
        ],
        BackupPolicy = FullSpec().BackupPolicy,
        Source = new DbSystemSourceStatus { SourceType = "PITR", BackupId = "ocid1.mysqlbackup.oc1..b", DbSystemId = "ocid1.mysqldbsystem.oc1..src", RecoveryPoint = Time },
        Maintenance = new DbSystemMaintenanceStatus
        {
            WindowStartTime = "sun 02:00", VersionPreference = "OLDEST", VersionTrackPreference = "LONG_TERM_SUPPORT", MaintenanceScheduleType = "REGULAR",
            TimeScheduled = Time, TargetVersion = "8.4.4", MaintenanceDisabledWindows = FullSpec().Maintenance!.MaintenanceDisabledWindows,
        },
        DeletionPolicy = FullSpec().DeletionPolicy,
        ControlledUpdate = new DbSystemControlledUpdate { TargetMysqlVersion = "8.4.4", TargetDbInstances = "ALL_BUT_PRIMARY" },
        PointInTimeRecoveryDetails = new DbSystemPointInTimeRecoveryDetails { TimeEarliestRecoveryPoint = Time, TimeLatestRecoveryPoint = Time },
        CrashRecovery = "ENABLED",
        DatabaseManagement = "DISABLED",
        DatabaseMode = "READ_WRITE",
        AccessMode = "UNRESTRICTED",
        Description = "a database",
        NsgIds = ["ocid1.nsg.oc1..a"],
        SecurityAttributes = Nested("zpr", "mode", "enforce"),
        Rest = FullSpec().Rest,
        DatabaseConsole = FullSpec().DatabaseConsole,
        SecureConnections = FullSpec().SecureConnections,
        EncryptData = FullSpec().EncryptData,
        CustomerContacts = FullSpec().CustomerContacts,
        ReadEndpoint = FullSpec().ReadEndpoint,
        TelemetryConfiguration = FullSpec().TelemetryConfiguration,
        FreeformTags = new Dictionary<string, string> { ["team"] = "data" },
        DefinedTags = Nested("ops", "cost", "42"),
        SystemTags = new Dictionary<string, IDictionary<string, JsonElement>>
        {
            ["orcl-cloud"] = new Dictionary<string, JsonElement> { ["free-tier-retained"] = Json("\"true\"") },
        },
        TimeCreated = Time,
        TimeUpdated = Time,
        AdminUsername = FullSpec().AdminUsername,
        AdminPassword = FullSpec().AdminPassword,
    };

    public static DbSystem Full() => new()
    {
        Metadata = new V1ObjectMeta { Name = "db", NamespaceProperty = "apps", Uid = "8d1f0c2e-0000-4000-8000-000000000001", Generation = 3 },
        Spec = FullSpec(),
        Status = FullStatus(),
    };

    private static Dictionary<string, IDictionary<string, string>> Nested(string ns, string key, string value) =>
        new() { [ns] = new Dictionary<string, string> { [key] = value } };

    private static JsonElement Json(string json)
    {
        using var document = JsonDocument.Parse(json);
        return document.RootElement.Clone();
    }
}
