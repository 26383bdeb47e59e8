using System.Globalization;
using System.Text.Json.Nodes;

namespace OciOperator.Sandbox.Oci.Mysql;

/// <summary>Renders the emulator's records as OCI JSON (DbSystem, DbSystemSummary, WorkRequest, ...).</summary>
internal static class MysqlJson
{
    public static string Time(DateTimeOffset value) =>
        value.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);

    public static JsonObject DbSystem(DbSystemRecord record)
    {
        var json = Summary(record);
        json["subnetId"] = record.SubnetId;
        json["dataStorageSizeInGBs"] = record.DataStorageSizeInGBs;
        json["dataStorage"] = DataStorage(record);
        json["maintenance"] = record.Extra["maintenance"]?.DeepClone() ?? new JsonObject { ["windowStartTime"] = "SUNDAY 00:00" };
        json["port"] = record.Port;
        json["portX"] = record.PortX;
        json["ipAddress"] = record.IpAddress;
        if (record.HostnameLabel is not null)
        {
            json["hostnameLabel"] = record.HostnameLabel;
        }

        if (record.ConfigurationId is not null)
        {
            json["configurationId"] = record.ConfigurationId;
        }

        if (record.LifecycleDetails is not null)
        {
            json["lifecycleDetails"] = record.LifecycleDetails;
        }

        json["source"] = record.Extra["source"]?.DeepClone() ?? new JsonObject { ["sourceType"] = "NONE" };
        json["channels"] = new JsonArray();
        foreach (var name in new[] { "nsgIds", "securityAttributes", "secureConnections", "encryptData", "customerContacts", "telemetryConfiguration" })
        {
            if (record.Extra[name] is { } value)
            {
                json[name] = value.DeepClone();
            }
        }

        return json;
    }

    public static JsonObject Summary(DbSystemRecord record)
    {
        var json = new JsonObject
        {
            ["id"] = record.Id,
            ["displayName"] = record.DisplayName,
            ["compartmentId"] = record.CompartmentId,
            ["lifecycleState"] = record.LifecycleState,
            ["mysqlVersion"] = record.MysqlVersion,
            ["shapeName"] = record.ShapeName,
            ["timeCreated"] = Time(record.TimeCreated),
            ["timeUpdated"] = Time(record.TimeUpdated),
            ["availabilityDomain"] = record.AvailabilityDomain,
            ["faultDomain"] = record.FaultDomain,
            ["currentPlacement"] = new JsonObject { ["availabilityDomain"] = record.AvailabilityDomain, ["faultDomain"] = record.FaultDomain },
            ["isHighlyAvailable"] = record.IsHighlyAvailable,
            ["isHeatWaveClusterAttached"] = false,
            ["databaseMode"] = (string?)record.Extra["databaseMode"] ?? "READ_WRITE",
            ["accessMode"] = (string?)record.Extra["accessMode"] ?? "UNRESTRICTED",
            ["crashRecovery"] = (string?)record.Extra["crashRecovery"] ?? "ENABLED",
            ["databaseManagement"] = DatabaseManagement(record),
            ["endpoints"] = Endpoints(record),
            ["deletionPolicy"] = DeletionPolicy(record),
            ["backupPolicy"] = record.Extra["backupPolicy"]?.DeepClone() ?? new JsonObject
            {
                ["isEnabled"] = true, ["windowStartTime"] = "00:00", ["retentionInDays"] = 7, ["softDelete"] = "ENABLED",
                ["pitrPolicy"] = new JsonObject { ["isEnabled"] = true },
            },
            ["freeformTags"] = Tags(record.FreeformTags),
            ["definedTags"] = record.Extra["definedTags"]?.DeepClone() ?? new JsonObject(),
            ["systemTags"] = new JsonObject(),
        };
        if (record.Description is not null)
        {
            json["description"] = record.Description;
        }

        foreach (var name in new[] { "rest", "databaseConsole", "readEndpoint" })
        {
            if (record.Extra[name] is { } value)
            {
                json[name] = value.DeepClone();
            }
        }

        return json;
    }

    public static string DatabaseManagement(DbSystemRecord record) => (string?)record.Extra["databaseManagement"] ?? "DISABLED";

    public static JsonObject WorkRequest(WorkRequestRecord workRequest, DateTimeOffset now, bool withResources)
    {
        var json = new JsonObject
        {
            ["id"] = workRequest.Id,
            ["operationType"] = workRequest.OperationType,
            ["status"] = workRequest.Status,
            ["compartmentId"] = workRequest.CompartmentId,
            ["percentComplete"] = workRequest.PercentComplete(now),
            ["timeAccepted"] = Time(workRequest.TimeAccepted),
            ["timeStarted"] = Time(workRequest.TimeAccepted),
        };
        if (workRequest.TimeFinished is { } finished)
        {
            json["timeFinished"] = Time(finished);
        }

        if (withResources)
        {
            json["resources"] = new JsonArray(new JsonObject
            {
                ["entityType"] = "mysqldbsystem",
                ["actionType"] = workRequest.Status == "SUCCEEDED" ? workRequest.ActionType : "IN_PROGRESS",
                ["identifier"] = workRequest.DbSystemId,
                ["entityUri"] = $"/dbSystems/{workRequest.DbSystemId}",
            });
        }

        return json;
    }

    private static JsonObject DataStorage(DbSystemRecord record)
    {
        var sent = record.Extra["dataStorage"];
        var autoExpand = sent?["isAutoExpandStorageEnabled"]?.GetValueKind() == System.Text.Json.JsonValueKind.True;
        var json = new JsonObject
        {
            ["isAutoExpandStorageEnabled"] = autoExpand,
            ["allocatedStorageSizeInGBs"] = record.DataStorageSizeInGBs,
            ["dataStorageSizeInGBs"] = record.DataStorageSizeInGBs,
            ["dataStorageSizeLimitInGBs"] = MysqlCatalog.MaxStorageGBs,
        };
        if (sent?["maxStorageSizeInGBs"] is { } max)
        {
            json["maxStorageSizeInGBs"] = max.DeepClone();
        }

        return json;
    }

    private static JsonObject DeletionPolicy(DbSystemRecord record)
    {
        var sent = record.Extra["deletionPolicy"];
        return new JsonObject
        {
            ["automaticBackupRetention"] = (string?)sent?["automaticBackupRetention"] ?? "DELETE",
            ["finalBackup"] = (string?)sent?["finalBackup"] ?? "SKIP_FINAL_BACKUP",
            ["isDeleteProtected"] = record.IsDeleteProtected,
        };
    }

    private static JsonArray Endpoints(DbSystemRecord record)
    {
        var endpoint = new JsonObject
        {
            ["ipAddress"] = record.IpAddress,
            ["port"] = record.Port,
            ["portX"] = record.PortX,
            ["modes"] = new JsonArray("READ", "WRITE"),
            ["status"] = record.LifecycleState switch
            {
                "ACTIVE" => "ACTIVE",
                "UPDATING" => "UPDATING",
                _ => "INACTIVE",
            },
            ["resourceType"] = "DBSYSTEM",
            ["resourceId"] = record.Id,
        };
        if (record.HostnameLabel is not null)
        {
            endpoint["hostname"] = record.HostnameLabel;
        }

        return [endpoint];
    }

    private static JsonObject Tags(Dictionary<string, string> tags)
    {
        var json = new JsonObject();
        foreach (var (key, value) in tags.OrderBy(t => t.Key, StringComparer.Ordinal))
        {
            json[key] = value;
        }

        return json;
    }
}
