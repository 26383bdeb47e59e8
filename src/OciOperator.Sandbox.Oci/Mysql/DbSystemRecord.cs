using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;

namespace OciOperator.Sandbox.Oci.Mysql;

/// <summary>The emulator's mutable state of one DbSystem; only touched under <see cref="MysqlService"/>'s lock.</summary>
internal sealed class DbSystemRecord
{
    public required string Id { get; init; }

    public required string CompartmentId { get; init; }

    public required DateTimeOffset TimeCreated { get; init; }

    public required string DisplayName { get; set; }

    public string? Description { get; set; }

    public required string SubnetId { get; set; }

    public required string ShapeName { get; set; }

    public required string MysqlVersion { get; set; }

    public required string AdminUsername { get; set; }

    public int AdminPasswordChanges { get; set; }

    public required int DataStorageSizeInGBs { get; set; }

    public required string AvailabilityDomain { get; set; }

    public required string FaultDomain { get; set; }

    public required string IpAddress { get; set; }

    public string? HostnameLabel { get; set; }

    public int Port { get; set; } = 3306;

    public int PortX { get; set; } = 33060;

    public bool IsHighlyAvailable { get; set; }

    public string? ConfigurationId { get; set; }

    public Dictionary<string, string> FreeformTags { get; set; } = new(StringComparer.Ordinal);

    /// <summary>The optional structured fields (backupPolicy, maintenance, deletionPolicy, rest, ...), kept as sent.</summary>
    public JsonObject Extra { get; set; } = [];

    public required string LifecycleState { get; set; }

    public string? LifecycleDetails { get; set; }

    public DateTimeOffset TimeUpdated { get; set; }

    /// <summary>The state reached at <see cref="TransitionAt"/> (ACTIVE or DELETED), when a transition is pending.</summary>
    public string? PendingState { get; set; }

    public DateTimeOffset TransitionAt { get; set; }

    /// <summary>The work request that ends with the pending transition.</summary>
    public string? PendingWorkRequestId { get; set; }

    public int Version { get; private set; } = 1;

    public string ETag => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes($"{Id}:{Version}")))[..32];

    public bool IsDeleteProtected => Extra["deletionPolicy"]?["isDeleteProtected"]?.GetValueKind() == System.Text.Json.JsonValueKind.True;

    public void Touch(DateTimeOffset now)
    {
        Version++;
        TimeUpdated = now;
    }

    public EmulatedDbSystem Snapshot() => new(
        Id, DisplayName, Description, CompartmentId, SubnetId, ShapeName, MysqlVersion, LifecycleState, LifecycleDetails,
        AvailabilityDomain, FaultDomain, IpAddress, HostnameLabel, Port, PortX, DataStorageSizeInGBs, AdminUsername,
        AdminPasswordChanges, IsHighlyAvailable, ConfigurationId, new Dictionary<string, string>(FreeformTags, StringComparer.Ordinal),
        TimeCreated, TimeUpdated, ETag)
    {
        DefinedTags = DefinedTagsSnapshot(),
    };

    private Dictionary<string, IReadOnlyDictionary<string, string>> DefinedTagsSnapshot()
    {
        var result = new Dictionary<string, IReadOnlyDictionary<string, string>>(StringComparer.Ordinal);
        if (Extra["definedTags"] is not JsonObject namespaces)
        {
            return result;
        }

        foreach (var (ns, keys) in namespaces)
        {
            var values = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (var (key, value) in keys as JsonObject ?? [])
            {
                values[key] = value is JsonValue v && v.TryGetValue<string>(out var text) ? text : value?.ToJsonString() ?? "";
            }

            result[ns] = values;
        }

        return result;
    }
}
