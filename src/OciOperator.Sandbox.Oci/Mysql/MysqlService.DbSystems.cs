using System.Security.Cryptography;
using System.Text.Json;
using System.Text.Json.Nodes;
using OciOperator.Sandbox.Oci.Hosting;

namespace OciOperator.Sandbox.Oci.Mysql;

/// <summary>CreateDbSystem, GetDbSystem, UpdateDbSystem, DeleteDbSystem.</summary>
internal sealed partial class MysqlService
{
    public OciResponse CreateDbSystem(JsonObject body, ReadOnlySpan<byte> rawBody, string? retryToken)
    {
        var invalid = DbSystemValidator.ValidateCreate(body);
        if (invalid is not null)
        {
            return invalid;
        }

        if (!options.Compartments.Contains((string)body["compartmentId"]!))
        {
            return OciResponse.CompartmentNotFound();
        }

        var bodyHash = Convert.ToHexStringLower(SHA256.HashData(rawBody));
        lock (_gate)
        {
            Advance();
            if (retryToken is not null && _retryTokens.TryGetValue(retryToken, out var previous))
            {
                if (previous.BodyHash != bodyHash)
                {
                    return OciResponse.Error(409, "InvalidatedRetryToken",
                        "The retry token was already used for a request with a different body; use a new opc-retry-token for a different request.");
                }

                var existing = Find(previous.DbSystemId);
                if (existing is not null)
                {
                    return Created(existing, previous.WorkRequestId);
                }
            }

            var availabilityDomain = ResolveAvailabilityDomain((string?)body["availabilityDomain"]);
            if (availabilityDomain is null)
            {
                return OciResponse.Invalid($"The availabilityDomain '{(string?)body["availabilityDomain"]}' does not exist in {options.Region}; valid names are {string.Join(", ", AvailabilityDomains)}.");
            }

            if (ConfigurationProblem((string?)body["configurationId"], (string)body["shapeName"]!) is { } configurationProblem)
            {
                return configurationProblem;
            }

            var now = Time.GetUtcNow();
            var record = new DbSystemRecord
            {
                Id = NewOcid("mysqldbsystem"),
                CompartmentId = (string)body["compartmentId"]!,
                TimeCreated = now,
                TimeUpdated = now,
                DisplayName = (string?)body["displayName"] ?? $"mysqldbsystem{now:yyyyMMddHHmmss}",
                SubnetId = (string)body["subnetId"]!,
                ShapeName = (string)body["shapeName"]!,
                MysqlVersion = MysqlCatalog.ResolveVersion((string?)body["mysqlVersion"] ?? MysqlCatalog.DefaultVersion)!,
                AdminUsername = (string?)body["adminUsername"] ?? "admin",
                DataStorageSizeInGBs = (int?)body["dataStorageSizeInGBs"] ?? MysqlCatalog.DefaultStorageGBs,
                AvailabilityDomain = availabilityDomain,
                FaultDomain = (string?)body["faultDomain"] ?? AllocateFaultDomain(),
                IpAddress = (string?)body["ipAddress"] ?? AllocateIp(),
                LifecycleState = "CREATING",
                LifecycleDetails = "Creating the DB System.",
                PendingState = "ACTIVE",
            };
            ApplyCommon(record, body);
            if (body["adminPassword"] is not null)
            {
                record.AdminPasswordChanges = 1;
            }

            _dbSystems.Add(record);
            var workRequest = StartWorkRequest(record, "CREATE_DBSYSTEM", "CREATED", options.CreateDelay, now);
            if (retryToken is not null)
            {
                _retryTokens[retryToken] = new RetryTokenEntry(bodyHash, record.Id, workRequest.Id, now + RetryTokenLifetime);
            }

            Advance();
            return Created(record, workRequest.Id);
        }
    }

    public OciResponse GetDbSystem(string id, string? ifNoneMatch)
    {
        lock (_gate)
        {
            Advance();
            var record = Find(id);
            if (record is null)
            {
                return OciResponse.NotFound($"DB System {id}");
            }

            var etag = OciResponse.Header("etag", record.ETag);
            return ifNoneMatch is not null && EtagMatches(ifNoneMatch, record.ETag)
                ? new OciResponse(304, null, [etag])
                : OciResponse.Ok(MysqlJson.DbSystem(record), etag);
        }
    }

    public OciResponse UpdateDbSystem(string id, JsonObject body, string? ifMatch)
    {
        lock (_gate)
        {
            Advance();
            var record = Find(id);
            if (record is null || record.LifecycleState == "DELETED")
            {
                return OciResponse.NotFound($"DB System {id}");
            }

            if (ifMatch is not null && !EtagMatches(ifMatch, record.ETag))
            {
                return OciResponse.Error(412, "NoEtagMatch", "The if-match ETag does not match the DB System's current ETag.");
            }

            if (record.LifecycleState is not ("ACTIVE" or "INACTIVE"))
            {
                return IncorrectState(record, "updated");
            }

            var invalid = DbSystemValidator.ValidateUpdate(body);
            if (invalid is not null)
            {
                return invalid;
            }

            // A new password alone is checked against the username the DB system already has.
            if (body["adminPassword"] is { } password && body["adminUsername"] is null
                && DbSystemValidator.PasswordProblem((string)password!, record.AdminUsername) is { } passwordProblem)
            {
                return OciResponse.Invalid(passwordProblem);
            }

            if ((body["configurationId"] is not null || body["shapeName"] is not null) &&
                ConfigurationProblem((string?)body["configurationId"] ?? record.ConfigurationId, (string?)body["shapeName"] ?? record.ShapeName) is { } configurationProblem)
            {
                return configurationProblem;
            }

            if (body["availabilityDomain"] is { } ad)
            {
                var resolved = ResolveAvailabilityDomain((string?)ad);
                if (resolved is null)
                {
                    return OciResponse.Invalid($"The availabilityDomain '{(string?)ad}' does not exist in {options.Region}.");
                }

                record.AvailabilityDomain = resolved;
            }

            if (body["adminPassword"] is not null)
            {
                record.AdminPasswordChanges++;
            }

            record.DisplayName = (string?)body["displayName"] ?? record.DisplayName;
            record.SubnetId = (string?)body["subnetId"] ?? record.SubnetId;
            record.ShapeName = (string?)body["shapeName"] ?? record.ShapeName;
            record.MysqlVersion = body["mysqlVersion"] is { } version ? MysqlCatalog.ResolveVersion((string)version!)! : record.MysqlVersion;
            record.AdminUsername = (string?)body["adminUsername"] ?? record.AdminUsername;
            record.DataStorageSizeInGBs = (int?)body["dataStorageSizeInGBs"] ?? record.DataStorageSizeInGBs;
            record.FaultDomain = (string?)body["faultDomain"] ?? record.FaultDomain;
            record.IpAddress = (string?)body["ipAddress"] ?? record.IpAddress;
            ApplyCommon(record, body);

            var now = Time.GetUtcNow();
            var previousState = record.LifecycleState;
            record.LifecycleState = "UPDATING";
            record.LifecycleDetails = "Updating the DB System.";
            record.PendingState = previousState == "INACTIVE" ? "INACTIVE" : "ACTIVE";
            record.Touch(now);
            var workRequest = StartWorkRequest(record, "UPDATE_DBSYSTEM", "UPDATED", options.UpdateDelay, now);
            Advance();
            return new OciResponse(202, null, [OciResponse.Header("opc-work-request-id", workRequest.Id)]);
        }
    }

    public OciResponse DeleteDbSystem(string id, string? ifMatch)
    {
        lock (_gate)
        {
            Advance();
            var record = Find(id);
            if (record is null || record.LifecycleState == "DELETED")
            {
                return OciResponse.NotFound($"DB System {id}");
            }

            if (ifMatch is not null && !EtagMatches(ifMatch, record.ETag))
            {
                return OciResponse.Error(412, "NoEtagMatch", "The if-match ETag does not match the DB System's current ETag.");
            }

            if (record.LifecycleState is not ("ACTIVE" or "INACTIVE" or "FAILED"))
            {
                return IncorrectState(record, "deleted");
            }

            if (record.IsDeleteProtected)
            {
                return OciResponse.Error(409, "Conflict", $"The DB System {id} is delete protected; clear deletionPolicy.isDeleteProtected first.");
            }

            var now = Time.GetUtcNow();
            record.LifecycleState = "DELETING";
            record.LifecycleDetails = "Deleting the DB System.";
            record.PendingState = "DELETED";
            record.Touch(now);
            var workRequest = StartWorkRequest(record, "DELETE_DBSYSTEM", "DELETED", options.DeleteDelay, now);
            Advance();
            return new OciResponse(202, null, [OciResponse.Header("opc-work-request-id", workRequest.Id)]);
        }
    }

    private static OciResponse Created(DbSystemRecord record, string workRequestId) => OciResponse.Ok(
        MysqlJson.DbSystem(record),
        OciResponse.Header("etag", record.ETag),
        OciResponse.Header("location", $"/20190415/dbSystems/{record.Id}"),
        OciResponse.Header("opc-work-request-id", workRequestId));

    private static bool EtagMatches(string header, string etag) =>
        header.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
            .Any(candidate => candidate == "*" || candidate.Trim('"') == etag || candidate.TrimStart('W', '/').Trim('"') == etag);

    /// <summary>
    /// Accepts the full name (<c>Uocm:US-ASHBURN-AD-1</c>), the suffix OSOK users often write (<c>US-ASHBURN-AD-1</c>),
    /// or the suffix under another tenancy's prefix (samples carry someone else's, e.g. <c>qqZb:US-ASHBURN-AD-1</c>);
    /// case-insensitive; answers the region's full name.
    /// </summary>
    private string? ResolveAvailabilityDomain(string? requested)
    {
        if (requested is null)
        {
            return AvailabilityDomains[0];
        }

        return AvailabilityDomains.FirstOrDefault(ad => string.Equals(Suffix(ad), Suffix(requested), StringComparison.OrdinalIgnoreCase));

        static string Suffix(string name) => name[(name.IndexOf(':', StringComparison.Ordinal) + 1)..];
    }

    private static void ApplyCommon(DbSystemRecord record, JsonObject body)
    {
        record.Description = (string?)body["description"] ?? record.Description;
        record.HostnameLabel = (string?)body["hostnameLabel"] ?? record.HostnameLabel;
        record.Port = (int?)body["port"] ?? record.Port;
        record.PortX = (int?)body["portX"] ?? record.PortX;
        record.IsHighlyAvailable = body["isHighlyAvailable"]?.GetValueKind() is { } ha ? ha == JsonValueKind.True : record.IsHighlyAvailable;
        record.ConfigurationId = (string?)body["configurationId"] ?? record.ConfigurationId;
        if (body["freeformTags"] is JsonObject tags)
        {
            record.FreeformTags = tags.ToDictionary(t => t.Key, t => (string)t.Value!, StringComparer.Ordinal);
        }

        foreach (var name in DbSystemValidator.PassThroughObjects.Concat(DbSystemValidator.PassThroughArrays).Concat(DbSystemValidator.PassThroughEnums))
        {
            if (body[name] is { } value)
            {
                record.Extra[name] = value.DeepClone();
            }
        }
    }
}
