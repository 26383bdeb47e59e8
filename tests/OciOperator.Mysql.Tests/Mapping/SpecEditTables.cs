using OciOperator.Mysql.Api;

namespace OciOperator.Mysql.Tests.Mapping;

/// <summary>A change of every mutable and every force-new spec field (<c>reference/osok.md</c> §3.2).</summary>
internal static class SpecEditTables
{
    public static readonly SpecEdit[] Mutable =
    [
        new("displayName", s => s with { DisplayName = s.DisplayName + "-renamed" }),
        new("description", s => s with { Description = s.Description + " (edited)" }),
        new("shapeName", s => s with { ShapeName = "MySQL.4" }),
        new("configurationId", s => s with { ConfigurationId = s.ConfigurationId + "-2" }),
        new("dataStorageSizeInGBs", s => s with { DataStorageSizeInGBs = s.DataStorageSizeInGBs + 50 }),
        new("dataStorage", s => s with { DataStorage = s.DataStorage! with { MaxStorageSizeInGBs = s.DataStorage.MaxStorageSizeInGBs + 100 } }),
        new("hostnameLabel", s => s with { HostnameLabel = s.HostnameLabel + "-2" }),
        new("isHighlyAvailable", s => s with { IsHighlyAvailable = !(s.IsHighlyAvailable ?? false) }),
        new("nsgIds", s => s with { NsgIds = [.. s.NsgIds!, "ocid1.nsg.oc1..added"] }),
        new("securityAttributes", s => s with { SecurityAttributes = Nested("zpr", "mode", "audit") }),
        new("freeformTags", s => s with { FreeformTags = new Dictionary<string, string>(s.FreeformTags!) { ["added"] = "yes" } }),
        new("definedTags", s => s with { DefinedTags = Nested("ops", "cost", "43") }),
        new("backupPolicy", s => s with { BackupPolicy = s.BackupPolicy! with { RetentionInDays = s.BackupPolicy.RetentionInDays + 1 } }),
        new("maintenance", s => s with { Maintenance = s.Maintenance! with { WindowStartTime = "mon 03:00" } }),
        new("deletionPolicy", s => s with { DeletionPolicy = s.DeletionPolicy! with { IsDeleteProtected = !(s.DeletionPolicy.IsDeleteProtected ?? false) } }),
        new("crashRecovery", s => s with { CrashRecovery = s.CrashRecovery == "ENABLED" ? "DISABLED" : "ENABLED" }),
        new("databaseManagement", s => s with { DatabaseManagement = s.DatabaseManagement == "ENABLED" ? "DISABLED" : "ENABLED" }),
        new("databaseMode", s => s with { DatabaseMode = s.DatabaseMode == "READ_ONLY" ? "READ_WRITE" : "READ_ONLY" }),
        new("accessMode", s => s with { AccessMode = s.AccessMode == "RESTRICTED" ? "UNRESTRICTED" : "RESTRICTED" }),
        new("secureConnections", s => s with { SecureConnections = s.SecureConnections! with { CertificateId = s.SecureConnections.CertificateId + "-2" } }),
        new("encryptData", s => s with { EncryptData = s.EncryptData! with { KeyId = s.EncryptData.KeyId + "-2" } }),
        new("customerContacts", s => s with { CustomerContacts = [.. s.CustomerContacts!, new DbSystemCustomerContact { Email = "oncall@example.com" }] }),
        new("readEndpoint", s => s with { ReadEndpoint = s.ReadEndpoint! with { ExcludeIps = ["10.0.1.10"] } }),
        new("rest", s => s with { Rest = s.Rest! with { Port = (s.Rest.Port ?? 443) + 1 } }),
        new("databaseConsole", s => s with { DatabaseConsole = s.DatabaseConsole! with { Port = (s.DatabaseConsole.Port ?? 8443) + 1 } }),
        new("telemetryConfiguration", s => s with
        {
            TelemetryConfiguration = new DbSystemTelemetryConfiguration
            {
                Logs = [.. s.TelemetryConfiguration!.Logs!.Select(l => l with { LogTypes = [.. l.LogTypes, "AUDIT_LOG"] })],
            },
        }),
    ];

    public static readonly SpecEdit[] ForceNew =
    [
        new("compartmentId", s => s with { CompartmentId = s.CompartmentId + "-other" }),
        new("subnetId", s => s with { SubnetId = s.SubnetId + "-other" }),
        new("availabilityDomain", s => s with { AvailabilityDomain = "qqZb:US-ASHBURN-AD-3" }),
        new("faultDomain", s => s with { FaultDomain = "FAULT-DOMAIN-3" }),
        new("ipAddress", s => s with { IpAddress = "10.0.2.7" }),
        new("mysqlVersion", s => s with { MysqlVersion = "9.1.0" }),
        new("port", s => s with { Port = 3307 }),
        new("portX", s => s with { PortX = 33070 }),
        new("source", s => s with { Source = s.Source! with { BackupId = s.Source.BackupId + "-other" } }),
        new("adminUsername", s => s with { AdminUsername = new AdminCredentialSource { Secret = new SecretSource { SecretName = "other-admin" } } }),
    ];

    private static Dictionary<string, IDictionary<string, string>> Nested(string ns, string key, string value) =>
        new() { [ns] = new Dictionary<string, string> { [key] = value } };
}
