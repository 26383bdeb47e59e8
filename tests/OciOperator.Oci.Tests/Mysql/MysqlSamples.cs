namespace OciOperator.Oci.Tests.Mysql;

/// <summary>Sample OCI JSON written from reference/oci.md §5.2–5.5 (every field).</summary>
internal static class MysqlSamples
{
    public const string DbSystem = """
        {
          "id": "ocid1.mysqldbsystem.oc1.iad.aaaa",
          "displayName": "db1",
          "compartmentId": "ocid1.compartment.oc1..cccc",
          "subnetId": "ocid1.subnet.oc1.iad.ssss",
          "mysqlVersion": "8.4.2",
          "dataStorageSizeInGBs": 50,
          "dataStorage": {"isAutoExpandStorageEnabled": true, "maxStorageSizeInGBs": 200, "allocatedStorageSizeInGBs": 50, "dataStorageSizeInGBs": 50, "dataStorageSizeLimitInGBs": 131072},
          "lifecycleState": "ACTIVE",
          "maintenance": {"windowStartTime": "sun 01:00", "versionPreference": "OLDEST", "versionTrackPreference": "LONG_TERM_SUPPORT", "maintenanceScheduleType": "REGULAR", "timeScheduled": "2026-02-01T01:00:00.000Z", "targetVersion": "8.4.3", "maintenanceDisabledWindows": [{"timeStart": "2026-12-20T00:00:00.000Z", "timeEnd": "2026-12-31T00:00:00.000Z"}]},
          "deletionPolicy": {"automaticBackupRetention": "DELETE", "finalBackup": "SKIP_FINAL_BACKUP", "isDeleteProtected": false},
          "timeCreated": "2016-08-25T21:10:29.600Z",
          "timeUpdated": "2016-08-25T21:20:29.600Z",
          "databaseMode": "READ_WRITE",
          "accessMode": "UNRESTRICTED",
          "description": "WordPress database",
          "nsgIds": ["ocid1.nsg.oc1.iad.n1"],
          "securityAttributes": {"oracle-zpr": {"td": {"value": "42", "mode": "enforce"}}},
          "rest": {"configuration": "DBSYSTEM_ONLY", "port": 443},
          "databaseConsole": {"status": "ENABLED", "port": 8443},
          "isHighlyAvailable": false,
          "currentPlacement": {"availabilityDomain": "Uocm:US-ASHBURN-AD-1", "faultDomain": "FAULT-DOMAIN-1"},
          "isHeatWaveClusterAttached": true,
          "heatWaveCluster": {"shapeName": "HeatWave.512GB", "clusterSize": 2, "lifecycleState": "ACTIVE", "timeCreated": "2016-08-25T21:10:29.600Z", "timeUpdated": "2016-08-25T21:10:29.600Z", "isLakehouseEnabled": false},
          "availabilityDomain": "Uocm:US-ASHBURN-AD-1",
          "faultDomain": "FAULT-DOMAIN-1",
          "shapeName": "MySQL.2",
          "controlledUpdate": {"targetMysqlVersion": "8.4.3", "targetDbInstances": ["ocid1.instance.x"]},
          "backupPolicy": {"isEnabled": true, "softDelete": "ENABLED", "copyPolicies": [{"copyToRegion": "us-phoenix-1", "backupCopyRetentionInDays": 7}], "windowStartTime": "02:00", "retentionInDays": 7, "freeformTags": {"k": "v"}, "definedTags": {"ns": {"key": "value"}}, "pitrPolicy": {"isEnabled": true}},
          "source": {"sourceType": "BACKUP", "backupId": "ocid1.mysqlbackup.oc1.iad.b"},
          "configurationId": "ocid1.mysqlconfiguration.oc1..cfg",
          "hostnameLabel": "db1",
          "ipAddress": "10.0.1.5",
          "port": 3306,
          "portX": 33060,
          "endpoints": [{"ipAddress": "10.0.1.5", "port": 3306, "portX": 33060, "hostname": "db1.sub.vcn.oraclevcn.com", "modes": ["READ", "WRITE"], "status": "ACTIVE", "statusDetails": "ok", "resourceType": "DBSYSTEM", "resourceId": "ocid1.mysqldbsystem.oc1.iad.aaaa"}],
          "channels": [{"id": "ocid1.mysqlchannel.oc1.iad.ch", "isEnabled": true}],
          "lifecycleDetails": "running",
          "freeformTags": {"app": "wordpress"},
          "definedTags": {"Operations": {"CostCenter": "42", "Count": 3}},
          "systemTags": {"orcl-cloud": {"free-tier-retained": "true"}},
          "crashRecovery": "ENABLED",
          "pointInTimeRecoveryDetails": {"timeEarliestRecoveryPoint": "2016-08-25T21:10:29.600Z", "timeLatestRecoveryPoint": "2016-08-26T21:10:29.600Z"},
          "databaseManagement": "DISABLED",
          "secureConnections": {"certificateGenerationType": "SYSTEM"},
          "encryptData": {"keyGenerationType": "BYOK", "keyId": "ocid1.key.oc1.iad.k"},
          "customerContacts": [{"email": "dba@example.com"}],
          "readEndpoint": {"isEnabled": true, "readEndpointIpAddress": "10.0.1.9", "readEndpointHostnameLabel": "db1-ro", "excludeIps": ["10.0.1.7"]},
          "telemetryConfiguration": {"logs": [{"destination": "LOG_ANALYTICS", "destinationConfigurations": [{"key": "logGroupId", "value": "ocid1.loggroup.x"}], "logTypes": ["ERROR_LOG", "SLOW_QUERY_LOG"]}]}
        }
        """;

    public const string CreateDetailsFull = """
        {
          "compartmentId": "ocid1.compartment.oc1..x",
          "shapeName": "MySQL.2",
          "subnetId": "ocid1.subnet.oc1.iad.x",
          "displayName": "db1",
          "description": "d",
          "rest": {"configuration": "DISABLED"},
          "databaseConsole": {"status": "DISABLED"},
          "isHighlyAvailable": true,
          "availabilityDomain": "AD-1",
          "faultDomain": "FAULT-DOMAIN-2",
          "configurationId": "ocid1.mysqlconfiguration.oc1..cfg",
          "mysqlVersion": "8.4.2",
          "nsgIds": [],
          "securityAttributes": {"oracle-zpr": {"td": {"value": "42", "mode": "audit"}}},
          "adminUsername": "admin",
          "adminPassword": "Passw0rd!",
          "dataStorageSizeInGBs": 50,
          "dataStorage": {"isAutoExpandStorageEnabled": true, "maxStorageSizeInGBs": 100},
          "hostnameLabel": "db1",
          "ipAddress": "10.0.0.4",
          "port": 3306,
          "portX": 33060,
          "backupPolicy": {"isEnabled": false, "softDelete": "DISABLED", "copyPolicies": [{"copyToRegion": "us-phoenix-1"}], "windowStartTime": "01:00", "retentionInDays": 1, "pitrPolicy": {"isEnabled": false}},
          "source": {"sourceType": "PITR", "dbSystemId": "ocid1.mysqldbsystem.oc1.iad.src", "recoveryPoint": "2026-01-01T10:00:00.000Z"},
          "maintenance": {"windowStartTime": "sun 01:00", "versionPreference": "NEWEST", "versionTrackPreference": "INNOVATION", "maintenanceScheduleType": "EARLY", "maintenanceDisabledWindows": [{"timeStart": "2026-12-20T00:00:00.000Z", "timeEnd": "2026-12-31T00:00:00.000Z"}]},
          "freeformTags": {"a": "b"},
          "definedTags": {"ns": {"k": "v"}},
          "deletionPolicy": {"automaticBackupRetention": "RETAIN", "finalBackup": "REQUIRE_FINAL_BACKUP", "isDeleteProtected": true},
          "crashRecovery": "DISABLED",
          "databaseManagement": "ENABLED",
          "secureConnections": {"certificateGenerationType": "BYOC", "certificateId": "ocid1.certificate.x"},
          "encryptData": {"keyGenerationType": "SYSTEM"},
          "databaseMode": "READ_ONLY",
          "accessMode": "RESTRICTED",
          "customerContacts": [{"email": "a@example.com"}],
          "readEndpoint": {"isEnabled": false},
          "telemetryConfiguration": {"logs": [{"destination": "OPEN_TELEMETRY", "destinationConfigurations": [{"key": "k", "value": "v"}], "logTypes": ["AUDIT_LOG", "GENERAL_LOG"]}]}
        }
        """;

    public const string Summaries = """
        [
          {"id": "ocid1.mysqldbsystem.oc1.iad.a", "displayName": "db1", "lifecycleState": "CREATING", "mysqlVersion": "8.4.2", "timeCreated": "2016-08-25T21:10:29.600Z", "timeUpdated": "2016-08-25T21:10:29.600Z", "databaseMode": "READ_WRITE", "accessMode": "UNRESTRICTED",
           "description": "d", "compartmentId": "ocid1.compartment.oc1..c", "rest": {"configuration": "DISABLED"}, "databaseConsole": {"status": "DISABLED", "port": 1}, "isHighlyAvailable": false,
           "currentPlacement": {"availabilityDomain": "AD-1", "faultDomain": "FAULT-DOMAIN-1"}, "isHeatWaveClusterAttached": false, "heatWaveCluster": {"shapeName": "HeatWave.512GB", "clusterSize": 1, "lifecycleState": "CREATING", "timeCreated": "2016-08-25T21:10:29.600Z", "timeUpdated": "2016-08-25T21:10:29.600Z"},
           "availabilityDomain": "AD-1", "faultDomain": "FAULT-DOMAIN-1", "endpoints": [{"ipAddress": "10.0.0.2", "port": 3306, "portX": 33060, "modes": ["READ"], "status": "UPDATING", "resourceType": "READ_ENDPOINT"}],
           "deletionPolicy": {"automaticBackupRetention": "DELETE", "finalBackup": "SKIP_FINAL_BACKUP", "isDeleteProtected": false}, "freeformTags": {}, "definedTags": {}, "systemTags": {},
           "backupPolicy": {"isEnabled": true, "windowStartTime": "02:00", "retentionInDays": 7}, "shapeName": "MySQL.2", "crashRecovery": "ENABLED", "databaseManagement": "DISABLED", "readEndpoint": {"isEnabled": false}}
        ]
        """;

    public const string WorkRequest = """
        {"id": "ocid1.mysqlworkrequest.oc1.iad.w", "operationType": "CREATE_DBSYSTEM", "status": "IN_PROGRESS", "compartmentId": "ocid1.compartment.oc1..c",
         "resources": [{"entityType": "mysqldbsystem", "actionType": "IN_PROGRESS", "identifier": "ocid1.mysqldbsystem.oc1.iad.a", "entityUri": "/dbSystems/ocid1.mysqldbsystem.oc1.iad.a"}],
         "percentComplete": 42.5, "timeAccepted": "2016-08-25T21:10:29.600Z", "timeStarted": "2016-08-25T21:10:30.600Z", "timeFinished": "2016-08-25T21:20:29.600Z"}
        """;

    public const string WorkRequestErrors = """[{"code": "InternalError", "message": "boom", "timestamp": "2016-08-25T21:10:29.600Z"}]""";

    public const string WorkRequestLogs = """[{"message": "Creating", "timestamp": "2016-08-25T21:10:29.600Z"}]""";
}
