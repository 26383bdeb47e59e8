using System.Text.Json;
using OciOperator.Oci.Mysql;

namespace OciOperator.Mysql.Tests.Mapping;

/// <summary>A GetDbSystem response with every field OCI documents (<c>reference/oci.md</c> §5.4), parsed by the client.</summary>
internal static class OciDbSystemSample
{
    public const string Json = """
        {
          "id": "ocid1.mysqldbsystem.oc1..x",
          "displayName": "db",
          "description": "a database",
          "compartmentId": "ocid1.compartment.oc1..c",
          "subnetId": "ocid1.subnet.oc1..s",
          "mysqlVersion": "8.0.36",
          "dataStorageSizeInGBs": 60,
          "dataStorage": {
            "isAutoExpandStorageEnabled": true, "maxStorageSizeInGBs": 200, "allocatedStorageSizeInGBs": 60,
            "dataStorageSizeInGBs": 60, "dataStorageSizeLimitInGBs": 32768
          },
          "lifecycleState": "ACTIVE",
          "lifecycleDetails": "running",
          "maintenance": {
            "windowStartTime": "sun 02:00", "versionPreference": "OLDEST", "versionTrackPreference": "LONG_TERM_SUPPORT",
            "maintenanceScheduleType": "REGULAR", "timeScheduled": "2026-12-06T02:00:00.000Z", "targetVersion": "8.0.37",
            "maintenanceDisabledWindows": [{ "timeStart": "2026-12-24T00:00:00.000Z", "timeEnd": "2026-12-27T00:00:00.000Z" }]
          },
          "deletionPolicy": { "automaticBackupRetention": "RETAIN", "finalBackup": "REQUIRE_FINAL_BACKUP", "isDeleteProtected": true },
          "timeCreated": "2026-11-23T21:10:29.600Z",
          "timeUpdated": "2026-11-23T21:30:00.125Z",
          "databaseMode": "READ_WRITE",
          "accessMode": "UNRESTRICTED",
          "nsgIds": ["ocid1.nsg.oc1..a", "ocid1.nsg.oc1..b"],
          "securityAttributes": { "zpr": { "mode": "enforce" } },
          "rest": { "configuration": "DBSYSTEM_ONLY", "port": 443 },
          "databaseConsole": { "status": "ENABLED", "port": 8443 },
          "isHighlyAvailable": true,
          "currentPlacement": { "availabilityDomain": "qqZb:US-ASHBURN-AD-2", "faultDomain": "FAULT-DOMAIN-3" },
          "isHeatWaveClusterAttached": true,
          "heatWaveCluster": {
            "shapeName": "HeatWave.512GB", "clusterSize": 2, "lifecycleState": "ACTIVE",
            "timeCreated": "2026-11-23T21:20:00.000Z", "timeUpdated": "2026-11-23T21:25:00.000Z", "isLakehouseEnabled": true
          },
          "availabilityDomain": "qqZb:US-ASHBURN-AD-1",
          "faultDomain": "FAULT-DOMAIN-2",
          "shapeName": "MySQL.2",
          "controlledUpdate": { "targetMysqlVersion": "8.0.37", "targetDbInstances": "ALL_BUT_PRIMARY" },
          "backupPolicy": {
            "isEnabled": true, "softDelete": "ENABLED", "windowStartTime": "01:00", "retentionInDays": 7,
            "copyPolicies": [{ "copyToRegion": "us-phoenix-1", "backupCopyRetentionInDays": 3 }],
            "freeformTags": { "backup": "yes" }, "definedTags": { "ops": { "tier": "gold" } }, "pitrPolicy": { "isEnabled": true }
          },
          "source": {
            "sourceType": "PITR", "backupId": "ocid1.mysqlbackup.oc1..b", "dbSystemId": "ocid1.mysqldbsystem.oc1..src",
            "recoveryPoint": "2026-11-20T10:00:00.000Z", "sourceUrl": "https://objectstorage.example/p/dump"
          },
          "configurationId": "ocid1.mysqlconfiguration.oc1..cfg",
          "hostnameLabel": "db-host",
          "ipAddress": "10.0.1.7",
          "port": 3306,
          "portX": 33060,
          "endpoints": [{
            "ipAddress": "10.0.1.7", "port": 3306, "portX": 33060, "hostname": "db-host", "modes": ["READ", "WRITE"],
            "status": "ACTIVE", "statusDetails": "ok", "resourceType": "DBSYSTEM", "resourceId": "ocid1.mysqldbsystem.oc1..x"
          }],
          "channels": [{
            "id": "ocid1.mysqlchannel.oc1..ch", "compartmentId": "ocid1.compartment.oc1..c", "displayName": "inbound",
            "isEnabled": true, "lifecycleState": "ACTIVE", "source": { "sourceType": "MYSQL", "hostname": "primary.example" },
            "target": { "targetType": "DBSYSTEM", "dbSystemId": "ocid1.mysqldbsystem.oc1..x" }, "timeCreated": "2026-11-23T21:40:00.000Z",
            "freeformTags": { "chan": "1" }, "definedTags": { "ops": { "cost": "1" } }
          }],
          "freeformTags": { "team": "data", "oci-operator-owner-uid": "5f0e8d3c-2b1a-4c9d-8e7f-6a5b4c3d2e1f" },
          "definedTags": { "ops": { "cost": "42" }, "Oracle-Tags": { "CreatedBy": "ocid1.user.oc1..u" } },
          "systemTags": { "orcl-cloud": { "free-tier-retained": "true" } },
          "crashRecovery": "ENABLED",
          "pointInTimeRecoveryDetails": { "timeEarliestRecoveryPoint": "2026-11-16T00:00:00.000Z", "timeLatestRecoveryPoint": "2026-11-23T21:00:00.000Z" },
          "databaseManagement": "DISABLED",
          "secureConnections": { "certificateGenerationType": "BYOC", "certificateId": "ocid1.certificate.oc1..x" },
          "encryptData": { "keyGenerationType": "BYOK", "keyId": "ocid1.key.oc1..k" },
          "customerContacts": [{ "email": "dba@example.com" }],
          "readEndpoint": { "isEnabled": true, "readEndpointIpAddress": "10.0.1.8", "readEndpointHostnameLabel": "db-read", "excludeIps": ["10.0.1.9"] },
          "telemetryConfiguration": {
            "logs": [{ "destination": "LOG_ANALYTICS", "destinationConfigurations": [{ "key": "logGroupId", "value": "ocid1.loggroup.oc1..g" }], "logTypes": ["ERROR_LOG"] }]
          }
        }
        """;

    public static DbSystem Parse() =>
        JsonSerializer.Deserialize(Json, MysqlJsonContext.Default.DbSystem) ?? throw new InvalidOperationException("sample did not parse");
}
