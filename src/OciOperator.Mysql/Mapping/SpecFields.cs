namespace OciOperator.Mysql.Mapping;

/// <summary>
/// How each top-level spec field may change once the DB system exists (<c>reference/osok.md</c> §3.2): mutable
/// fields are sent with UpdateDbSystem, force-new fields cannot change without a new DB system.
/// </summary>
internal static class SpecFields
{
    /// <summary>Fields UpdateDbSystem can change; a nested object is sent whole when any part of it changed.</summary>
    public static readonly IReadOnlyList<string> Mutable =
    [
        "displayName", "description", "shapeName", "configurationId", "dataStorageSizeInGBs", "dataStorage",
        "hostnameLabel", "isHighlyAvailable", "nsgIds", "securityAttributes", "freeformTags", "definedTags",
        "backupPolicy", "maintenance", "deletionPolicy", "crashRecovery", "databaseManagement", "databaseMode",
        "accessMode", "secureConnections", "encryptData", "customerContacts", "readEndpoint", "rest",
        "databaseConsole", "telemetryConfiguration",
    ];

    /// <summary>Fields fixed at creation: a change needs a new DB system.</summary>
    public static readonly IReadOnlyList<string> ForceNew =
    [
        "compartmentId", "subnetId", "availabilityDomain", "faultDomain", "ipAddress", "mysqlVersion", "port",
        "portX", "source", "adminUsername",
    ];

    /// <summary>
    /// Mutable fields whose live value is compared with the desired one at resync (out-of-band changes). Nested
    /// objects are left out: OCI fills in defaults there, which would look like drift.
    /// </summary>
    public static readonly IReadOnlyList<string> DriftChecked =
    [
        "displayName", "description", "shapeName", "configurationId", "dataStorageSizeInGBs", "hostnameLabel",
        "isHighlyAvailable", "nsgIds", "freeformTags", "definedTags", "crashRecovery", "databaseManagement",
        "databaseMode", "accessMode",
    ];
}
