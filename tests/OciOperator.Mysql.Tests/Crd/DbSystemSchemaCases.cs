using k8s.Models;

namespace OciOperator.Mysql.Tests.Crd;

/// <summary>The field tables of osok.md §1.1 (spec), §1.2 (status) and §2 (validation markers).</summary>
internal static class DbSystemSchemaCases
{
    /// <summary>The 37 top-level spec fields of OSOK's v2 DbSystem (§1.1).</summary>
    public static IReadOnlyList<string> OsokSpecTopLevel { get; } =
    [
        "compartmentId", "shapeName", "subnetId", "displayName", "description", "adminUsername", "adminPassword",
        "availabilityDomain", "faultDomain", "isHighlyAvailable", "configurationId", "mysqlVersion", "dataStorageSizeInGBs",
        "dataStorage", "hostnameLabel", "ipAddress", "port", "portX", "nsgIds", "securityAttributes", "freeformTags",
        "definedTags", "backupPolicy", "source", "maintenance", "deletionPolicy", "crashRecovery", "databaseManagement",
        "databaseMode", "accessMode", "secureConnections", "encryptData", "customerContacts", "readEndpoint", "rest",
        "databaseConsole", "telemetryConfiguration",
    ];

    public static IEnumerable<TestCaseData> SpecFields() => Cases("spec",
    [
        ("id", "string"),
        ("compartmentId", "string"), ("shapeName", "string"), ("subnetId", "string"), ("displayName", "string"),
        ("description", "string"),
        ("adminUsername", "object"), ("adminUsername.secret", "object"), ("adminUsername.secret.secretName", "string"),
        ("adminPassword", "object"), ("adminPassword.secret", "object"), ("adminPassword.secret.secretName", "string"),
        ("availabilityDomain", "string"), ("faultDomain", "string"), ("isHighlyAvailable", "boolean"),
        ("configurationId", "string"), ("mysqlVersion", "string"), ("dataStorageSizeInGBs", "integer"),
        ("dataStorage", "object"), ("dataStorage.isAutoExpandStorageEnabled", "boolean"), ("dataStorage.maxStorageSizeInGBs", "integer"),
        ("hostnameLabel", "string"), ("ipAddress", "string"), ("port", "integer"), ("portX", "integer"),
        ("nsgIds", "array"), ("nsgIds[]", "string"),
        ("securityAttributes", "object"), ("freeformTags", "object"), ("definedTags", "object"),
        ("backupPolicy", "object"), ("backupPolicy.isEnabled", "boolean"), ("backupPolicy.softDelete", "string"),
        ("backupPolicy.copyPolicies", "array"), ("backupPolicy.copyPolicies[].copyToRegion", "string"),
        ("backupPolicy.copyPolicies[].backupCopyRetentionInDays", "integer"), ("backupPolicy.windowStartTime", "string"),
        ("backupPolicy.retentionInDays", "integer"), ("backupPolicy.freeformTags", "object"), ("backupPolicy.definedTags", "object"),
        ("backupPolicy.pitrPolicy", "object"), ("backupPolicy.pitrPolicy.isEnabled", "boolean"),
        ("source", "object"), ("source.sourceType", "string"), ("source.jsonData", "string"), ("source.backupId", "string"),
        ("source.sourceUrl", "string"), ("source.dbSystemId", "string"), ("source.recoveryPoint", "string"),
        ("maintenance", "object"), ("maintenance.windowStartTime", "string"), ("maintenance.versionPreference", "string"),
        ("maintenance.versionTrackPreference", "string"), ("maintenance.maintenanceScheduleType", "string"),
        ("maintenance.maintenanceDisabledWindows", "array"), ("maintenance.maintenanceDisabledWindows[].timeStart", "string"),
        ("maintenance.maintenanceDisabledWindows[].timeEnd", "string"),
        ("deletionPolicy", "object"), ("deletionPolicy.automaticBackupRetention", "string"), ("deletionPolicy.finalBackup", "string"),
        ("deletionPolicy.isDeleteProtected", "boolean"),
        ("crashRecovery", "string"), ("databaseManagement", "string"), ("databaseMode", "string"), ("accessMode", "string"),
        ("secureConnections", "object"), ("secureConnections.certificateGenerationType", "string"), ("secureConnections.certificateId", "string"),
        ("encryptData", "object"), ("encryptData.keyGenerationType", "string"), ("encryptData.keyId", "string"),
        ("customerContacts", "array"), ("customerContacts[].email", "string"),
        ("readEndpoint", "object"), ("readEndpoint.isEnabled", "boolean"), ("readEndpoint.readEndpointIpAddress", "string"),
        ("readEndpoint.readEndpointHostnameLabel", "string"), ("readEndpoint.excludeIps", "array"), ("readEndpoint.excludeIps[]", "string"),
        ("rest", "object"), ("rest.configuration", "string"), ("rest.port", "integer"),
        ("databaseConsole", "object"), ("databaseConsole.status", "string"), ("databaseConsole.port", "integer"),
        ("telemetryConfiguration", "object"), ("telemetryConfiguration.logs", "array"),
        ("telemetryConfiguration.logs[].destination", "string"), ("telemetryConfiguration.logs[].destinationConfigurations", "array"),
        ("telemetryConfiguration.logs[].destinationConfigurations[].key", "string"),
        ("telemetryConfiguration.logs[].destinationConfigurations[].value", "string"),
        ("telemetryConfiguration.logs[].logTypes", "array"), ("telemetryConfiguration.logs[].logTypes[]", "string"),
    ]);

    public static IEnumerable<TestCaseData> StatusFields() => Cases("status",
    [
        ("status", "object"), ("status.conditions", "array"), ("status.conditions[].type", "string"),
        ("status.conditions[].status", "string"), ("status.conditions[].lastTransitionTime", "string"),
        ("status.conditions[].message", "string"), ("status.conditions[].reason", "string"),
        ("status.async", "object"), ("status.async.current", "object"), ("status.async.current.source", "string"),
        ("status.async.current.phase", "string"), ("status.async.current.workRequestId", "string"),
        ("status.async.current.rawStatus", "string"), ("status.async.current.rawOperationType", "string"),
        ("status.async.current.normalizedClass", "string"), ("status.async.current.percentComplete", "integer"),
        ("status.async.current.message", "string"), ("status.async.current.updatedAt", "string"),
        ("status.opcRequestId", "string"), ("status.ocid", "string"), ("status.message", "string"), ("status.reason", "string"),
        ("status.createdAt", "string"), ("status.updatedAt", "string"), ("status.requestedAt", "string"), ("status.deletedAt", "string"),
        ("observedGeneration", "integer"), ("lastApplied", "object"), ("lastApplied.generation", "integer"),
        ("lastApplied.spec", "object"), ("lastApplied.spec.compartmentId", "string"), ("lastApplied.adminPasswordSecretVersion", "string"),
        ("id", "string"), ("displayName", "string"), ("compartmentId", "string"), ("subnetId", "string"), ("mysqlVersion", "string"),
        ("lifecycleState", "string"), ("lifecycleDetails", "string"), ("availabilityDomain", "string"), ("faultDomain", "string"),
        ("currentPlacement", "object"), ("currentPlacement.availabilityDomain", "string"), ("currentPlacement.faultDomain", "string"),
        ("shapeName", "string"), ("configurationId", "string"), ("hostnameLabel", "string"), ("ipAddress", "string"),
        ("port", "integer"), ("portX", "integer"),
        ("endpoints", "array"), ("endpoints[].ipAddress", "string"), ("endpoints[].port", "integer"), ("endpoints[].portX", "integer"),
        ("endpoints[].hostname", "string"), ("endpoints[].modes", "array"), ("endpoints[].status", "string"),
        ("endpoints[].statusDetails", "string"), ("endpoints[].resourceType", "string"), ("endpoints[].resourceId", "string"),
        ("dataStorageSizeInGBs", "integer"), ("dataStorage", "object"), ("dataStorage.isAutoExpandStorageEnabled", "boolean"),
        ("dataStorage.maxStorageSizeInGBs", "integer"), ("dataStorage.allocatedStorageSizeInGBs", "integer"),
        ("dataStorage.dataStorageSizeInGBs", "integer"), ("dataStorage.dataStorageSizeLimitInGBs", "integer"),
        ("isHighlyAvailable", "boolean"), ("isHeatWaveClusterAttached", "boolean"),
        ("heatWaveCluster", "object"), ("heatWaveCluster.shapeName", "string"), ("heatWaveCluster.clusterSize", "integer"),
        ("heatWaveCluster.lifecycleState", "string"), ("heatWaveCluster.timeCreated", "string"), ("heatWaveCluster.timeUpdated", "string"),
        ("heatWaveCluster.isLakehouseEnabled", "boolean"),
        ("channels", "array"), ("channels[].id", "string"), ("channels[].lifecycleState", "string"),
        ("backupPolicy", "object"), ("backupPolicy.retentionInDays", "integer"),
        ("source", "object"), ("source.sourceType", "string"), ("source.backupId", "string"), ("source.dbSystemId", "string"),
        ("source.recoveryPoint", "string"),
        ("maintenance", "object"), ("maintenance.windowStartTime", "string"), ("maintenance.timeScheduled", "string"),
        ("maintenance.targetVersion", "string"),
        ("deletionPolicy", "object"), ("deletionPolicy.isDeleteProtected", "boolean"),
        ("controlledUpdate", "object"), ("controlledUpdate.targetMysqlVersion", "string"), ("controlledUpdate.targetDbInstances", "string"),
        ("pointInTimeRecoveryDetails", "object"), ("pointInTimeRecoveryDetails.timeEarliestRecoveryPoint", "string"),
        ("pointInTimeRecoveryDetails.timeLatestRecoveryPoint", "string"),
        ("crashRecovery", "string"), ("databaseManagement", "string"), ("databaseMode", "string"), ("accessMode", "string"),
        ("description", "string"), ("nsgIds", "array"), ("securityAttributes", "object"), ("rest", "object"),
        ("databaseConsole", "object"), ("secureConnections", "object"), ("encryptData", "object"), ("customerContacts", "array"),
        ("readEndpoint", "object"), ("telemetryConfiguration", "object"), ("freeformTags", "object"), ("definedTags", "object"),
        ("systemTags", "object"), ("timeCreated", "string"), ("timeUpdated", "string"),
        ("adminUsername", "object"), ("adminUsername.secret.secretName", "string"),
        ("adminPassword", "object"), ("adminPassword.secret.secretName", "string"),
    ]);

    public static IEnumerable<TestCaseData> RequiredLists()
    {
        (string Path, string[] Required)[] cases =
        [
            ("", ["spec"]),
            ("spec", ["compartmentId", "shapeName", "subnetId"]),
            ("spec.backupPolicy.copyPolicies[]", ["copyToRegion"]),
            ("spec.backupPolicy.pitrPolicy", ["isEnabled"]),
            ("spec.maintenance", ["windowStartTime"]),
            ("spec.maintenance.maintenanceDisabledWindows[]", ["timeStart", "timeEnd"]),
            ("spec.secureConnections", ["certificateGenerationType"]),
            ("spec.encryptData", ["keyGenerationType"]),
            ("spec.customerContacts[]", ["email"]),
            ("spec.rest", ["configuration"]),
            ("spec.databaseConsole", ["status"]),
            ("spec.telemetryConfiguration.logs[]", ["destination", "destinationConfigurations", "logTypes"]),
            ("spec.telemetryConfiguration.logs[].destinationConfigurations[]", ["key", "value"]),
            ("spec.adminUsername", []),
            ("spec.dataStorage", []),
            ("status", ["status"]),
            ("status.status", []),
            ("status.status.conditions[]", ["type", "status"]),
        ];
        return cases.Select(c => new TestCaseData(c.Path, c.Required).SetArgDisplayNames(c.Path.Length == 0 ? "(root)" : c.Path));
    }

    public static IEnumerable<TestCaseData> Markers()
    {
        (string Path, string Name, Func<V1JSONSchemaProps, object?> Marker, object Expected)[] cases =
        [
            ("status.status.ocid", "minLength", n => n.MinLength, 1L),
            ("status.status.ocid", "maxLength", n => n.MaxLength, 255L),
            ("spec.id", "minLength", n => n.MinLength, 1L),
            ("spec.id", "maxLength", n => n.MaxLength, 255L),
            ("status.status.async.current.percentComplete", "minimum", n => n.Minimum, 0d),
            ("status.status.async.current.percentComplete", "maximum", n => n.Maximum, 100d),
            ("status.status.async.current.source", "enum", n => n.EnumProperty, new[] { "none", "lifecycle", "workrequest" }),
            ("status.status.async.current.phase", "enum", n => n.EnumProperty, new[] { "create", "update", "delete" }),
            ("status.status.async.current.normalizedClass", "enum", n => n.EnumProperty,
                new[] { "pending", "succeeded", "failed", "canceled", "attention", "unknown" }),
            ("spec.source.recoveryPoint", "format", n => n.Format, "date-time"),
            ("status.timeCreated", "format", n => n.Format, "date-time"),
            ("spec.freeformTags", "additionalProperties.type", n => (n.AdditionalProperties as V1JSONSchemaProps)?.Type, "string"),
            ("spec.definedTags", "additionalProperties.additionalProperties.type",
                n => ((n.AdditionalProperties as V1JSONSchemaProps)?.AdditionalProperties as V1JSONSchemaProps)?.Type, "string"),
            ("spec.securityAttributes", "additionalProperties.additionalProperties.type",
                n => ((n.AdditionalProperties as V1JSONSchemaProps)?.AdditionalProperties as V1JSONSchemaProps)?.Type, "string"),
        ];
        return cases.Select(c => new TestCaseData(c.Path, c.Marker, c.Expected).SetArgDisplayNames(c.Path, c.Name));
    }

    private static IEnumerable<TestCaseData> Cases(string prefix, (string Path, string Type)[] fields) =>
        fields.Select(f => new TestCaseData($"{prefix}.{f.Path}", f.Type).SetArgDisplayNames($"{prefix}.{f.Path}"));
}
