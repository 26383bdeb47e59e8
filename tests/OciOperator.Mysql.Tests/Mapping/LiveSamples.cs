using OciOperator.Mysql.Api;
using OciOperator.Mysql.Controllers;
using OciOperator.Mysql.Ownership;

namespace OciOperator.Mysql.Tests.Mapping;

/// <summary>A desired spec and the live DB system OCI reports for it, for the comparisons against live.</summary>
internal static class LiveSamples
{
    public static DbSystemSpec Desired() => TestDbSystems.MinimalSpec() with
    {
        DisplayName = "db",
        Description = "a database",
        AvailabilityDomain = "US-ASHBURN-AD-1",
        FaultDomain = "FAULT-DOMAIN-2",
        IsHighlyAvailable = false,
        ConfigurationId = "ocid1.mysqlconfiguration.oc1..cfg",
        MysqlVersion = "8.0.35",
        DataStorageSizeInGBs = 50,
        HostnameLabel = "db-host",
        IpAddress = "10.0.1.7",
        Port = 3306,
        PortX = 33060,
        NsgIds = ["ocid1.nsg.oc1..a", "ocid1.nsg.oc1..b"],
        FreeformTags = new Dictionary<string, string> { ["team"] = "data" },
        DefinedTags = Tags(("ops", "cost", "42")),
        CrashRecovery = "ENABLED",
        DatabaseManagement = "DISABLED",
        DatabaseMode = "READ_WRITE",
        AccessMode = "UNRESTRICTED",
    };

    /// <summary>What OCI reports for <see cref="Desired"/>: the full AD name, OCI's tags added, lists reordered.</summary>
    public static DbSystemStatus Live() => new()
    {
        Id = "ocid1.mysqldbsystem.oc1..x",
        LifecycleState = "ACTIVE",
        CompartmentId = "ocid1.compartment.oc1..c",
        ShapeName = "MySQL.2",
        SubnetId = "ocid1.subnet.oc1..s",
        DisplayName = "db",
        Description = "a database",
        AvailabilityDomain = "qqZb:US-ASHBURN-AD-1",
        FaultDomain = "FAULT-DOMAIN-2",
        IsHighlyAvailable = false,
        ConfigurationId = "ocid1.mysqlconfiguration.oc1..cfg",
        MysqlVersion = "8.0.35",
        DataStorageSizeInGBs = 50,
        HostnameLabel = "db-host",
        IpAddress = "10.0.1.7",
        Port = 3306,
        PortX = 33060,
        NsgIds = ["ocid1.nsg.oc1..b", "ocid1.nsg.oc1..a"],
        FreeformTags = OwnedTags(),
        DefinedTags = Tags(("Oracle-Tags", "CreatedBy", "ocid1.user.oc1..u"), ("ops", "cost", "42")),
        CrashRecovery = "ENABLED",
        DatabaseManagement = "DISABLED",
        DatabaseMode = "READ_WRITE",
        AccessMode = "UNRESTRICTED",
    };

    public static Dictionary<string, string> OwnedTags() =>
        OwnershipTags.WithOwnership(new Dictionary<string, string> { ["team"] = "data" }, TestDbSystems.Uid, TestDbSystems.Namespace, TestDbSystems.Name);

    public static Dictionary<string, IDictionary<string, string>> Tags(params (string Namespace, string Key, string Value)[] tags)
    {
        var result = new Dictionary<string, IDictionary<string, string>>(StringComparer.Ordinal);
        foreach (var (ns, key, value) in tags)
        {
            if (!result.TryGetValue(ns, out var keys))
            {
                keys = new Dictionary<string, string>(StringComparer.Ordinal);
                result[ns] = keys;
            }

            keys[key] = value;
        }

        return result;
    }
}
