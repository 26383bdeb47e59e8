using System.Text.Json.Nodes;

namespace OciOperator.Sandbox.Oci.Mysql;

/// <summary>
/// Out-of-band changes (someone edits the DB system in the console or CLI): applied at once, without a work request,
/// but validated like UpdateDbSystem and bumping <c>timeUpdated</c> and the ETag like a real update.
/// </summary>
internal sealed partial class MysqlService
{
    /// <summary>
    /// Applies <paramref name="change"/> to the DB system's snapshot and stores every field it changed. Returns the new
    /// snapshot, or null when there is no such DB system. Throws <see cref="ArgumentException"/> when the change touches a
    /// field that cannot change (identity, timestamps, ETag, lifecycle state, password count) or a value OCI would reject,
    /// and <see cref="InvalidOperationException"/> when the DB system is DELETING or DELETED.
    /// A change that alters nothing leaves the DB system (and its ETag) as it was.
    /// </summary>
    public EmulatedDbSystem? ChangeOutOfBand(string id, Func<EmulatedDbSystem, EmulatedDbSystem> change)
    {
        lock (_gate)
        {
            Advance();
            var record = Find(id);
            if (record is null)
            {
                return null;
            }

            if (record.LifecycleState is "DELETING" or "DELETED")
            {
                throw new InvalidOperationException($"The DB System {id} is {record.LifecycleState}; it cannot be changed.");
            }

            var before = record.Snapshot();
            var after = change(before) ?? throw new ArgumentException("The change returned no DB system.", nameof(change));
            EnsureFixedFieldsUnchanged(before, after);
            var body = ChangedFields(before, after);
            var invalid = DbSystemValidator.ValidateUpdate(body);
            if (invalid is not null)
            {
                throw new ArgumentException((string?)invalid.Body?["message"] ?? "The change is not valid.", nameof(change));
            }

            if (after.Port == after.PortX)
            {
                throw new ArgumentException("The fields 'port' and 'portX' must differ.", nameof(change));
            }

            string? availabilityDomain = null;
            if (body.ContainsKey("availabilityDomain"))
            {
                availabilityDomain = ResolveAvailabilityDomain(after.AvailabilityDomain)
                    ?? throw new ArgumentException($"The availabilityDomain '{after.AvailabilityDomain}' does not exist in {options.Region}.", nameof(change));
            }

            var cleared = after.Description is null != before.Description is null
                || after.HostnameLabel is null != before.HostnameLabel is null
                || after.ConfigurationId is null != before.ConfigurationId is null;
            if (body.Count == 0 && !cleared && after.LifecycleDetails == before.LifecycleDetails)
            {
                return before;
            }

            Apply(record, after, body, availabilityDomain);
            record.Touch(Time.GetUtcNow());
            return record.Snapshot();
        }
    }

    private static void EnsureFixedFieldsUnchanged(EmulatedDbSystem before, EmulatedDbSystem after)
    {
        var fixedField =
            after.Id != before.Id ? "Id"
            : after.CompartmentId != before.CompartmentId ? "CompartmentId"
            : after.TimeCreated != before.TimeCreated ? "TimeCreated"
            : after.TimeUpdated != before.TimeUpdated ? "TimeUpdated"
            : after.ETag != before.ETag ? "ETag"
            : after.AdminPasswordChanges != before.AdminPasswordChanges ? "AdminPasswordChanges"
            : after.LifecycleState != before.LifecycleState ? "LifecycleState (use SetLifecycleState)"
            : null;
        if (fixedField is not null)
        {
            throw new ArgumentException($"The DB system's {fixedField} cannot be changed out of band.", nameof(after));
        }
    }

    /// <summary>The changed fields as an UpdateDbSystemDetails body (cleared optional strings are left out).</summary>
    private static JsonObject ChangedFields(EmulatedDbSystem before, EmulatedDbSystem after)
    {
        var body = new JsonObject();
        Text("displayName", before.DisplayName, after.DisplayName);
        Text("description", before.Description, after.Description);
        Text("subnetId", before.SubnetId, after.SubnetId);
        Text("shapeName", before.ShapeName, after.ShapeName);
        Text("mysqlVersion", before.MysqlVersion, after.MysqlVersion);
        Text("adminUsername", before.AdminUsername, after.AdminUsername);
        Text("availabilityDomain", before.AvailabilityDomain, after.AvailabilityDomain);
        Text("faultDomain", before.FaultDomain, after.FaultDomain);
        Text("ipAddress", before.IpAddress, after.IpAddress);
        Text("hostnameLabel", before.HostnameLabel, after.HostnameLabel);
        Text("configurationId", before.ConfigurationId, after.ConfigurationId);
        Number("port", before.Port, after.Port);
        Number("portX", before.PortX, after.PortX);
        Number("dataStorageSizeInGBs", before.DataStorageSizeInGBs, after.DataStorageSizeInGBs);
        if (after.IsHighlyAvailable != before.IsHighlyAvailable)
        {
            body["isHighlyAvailable"] = after.IsHighlyAvailable;
        }

        if (!SameTags(before.FreeformTags, after.FreeformTags))
        {
            body["freeformTags"] = new JsonObject([.. (after.FreeformTags ?? new Dictionary<string, string>()).Select(t => KeyValuePair.Create(t.Key, (JsonNode?)t.Value))]);
        }

        if (!SameDefinedTags(before.DefinedTags, after.DefinedTags))
        {
            body["definedTags"] = DefinedTagsJson(after.DefinedTags);
        }

        return body;

        void Text(string name, string? was, string? now)
        {
            if (now is not null && now != was)
            {
                body[name] = now;
            }
        }

        void Number(string name, int was, int now)
        {
            if (now != was)
            {
                body[name] = now;
            }
        }
    }

    private static void Apply(DbSystemRecord record, EmulatedDbSystem after, JsonObject body, string? availabilityDomain)
    {
        record.DisplayName = after.DisplayName;
        record.Description = after.Description;
        record.SubnetId = after.SubnetId;
        record.ShapeName = after.ShapeName;
        record.MysqlVersion = body.ContainsKey("mysqlVersion") ? MysqlCatalog.ResolveVersion(after.MysqlVersion)! : record.MysqlVersion;
        record.AdminUsername = after.AdminUsername;
        record.AvailabilityDomain = availabilityDomain ?? record.AvailabilityDomain;
        record.FaultDomain = after.FaultDomain;
        record.IpAddress = after.IpAddress;
        record.HostnameLabel = after.HostnameLabel;
        record.ConfigurationId = after.ConfigurationId;
        record.Port = after.Port;
        record.PortX = after.PortX;
        record.DataStorageSizeInGBs = after.DataStorageSizeInGBs;
        record.IsHighlyAvailable = after.IsHighlyAvailable;
        record.LifecycleDetails = after.LifecycleDetails;
        if (body.ContainsKey("freeformTags"))
        {
            record.FreeformTags = new Dictionary<string, string>(after.FreeformTags ?? new Dictionary<string, string>(), StringComparer.Ordinal);
        }

        if (body["definedTags"] is JsonObject definedTags)
        {
            record.Extra["definedTags"] = definedTags.DeepClone();
        }
    }

    private static bool SameTags(IReadOnlyDictionary<string, string>? a, IReadOnlyDictionary<string, string>? b)
    {
        a ??= new Dictionary<string, string>();
        b ??= new Dictionary<string, string>();
        return a.Count == b.Count && a.All(p => b.TryGetValue(p.Key, out var v) && v == p.Value);
    }

    private static bool SameDefinedTags(
        IReadOnlyDictionary<string, IReadOnlyDictionary<string, string>>? a, IReadOnlyDictionary<string, IReadOnlyDictionary<string, string>>? b)
    {
        a ??= new Dictionary<string, IReadOnlyDictionary<string, string>>();
        b ??= new Dictionary<string, IReadOnlyDictionary<string, string>>();
        return a.Count == b.Count && a.All(p => b.TryGetValue(p.Key, out var v) && SameTags(p.Value, v));
    }

    private static JsonObject DefinedTagsJson(IReadOnlyDictionary<string, IReadOnlyDictionary<string, string>>? tags)
    {
        var json = new JsonObject();
        foreach (var (ns, keys) in tags ?? new Dictionary<string, IReadOnlyDictionary<string, string>>())
        {
            json[ns] = new JsonObject([.. (keys ?? new Dictionary<string, string>()).Select(k => KeyValuePair.Create(k.Key, (JsonNode?)k.Value))]);
        }

        return json;
    }
}
