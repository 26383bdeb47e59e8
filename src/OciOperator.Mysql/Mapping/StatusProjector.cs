using System.Text.Json;
using System.Text.Json.Nodes;
using OciOperator.Mysql.Api;
using OciDbSystem = OciOperator.Oci.Mysql.DbSystem;
using OciOperator.Oci.Mysql;

namespace OciOperator.Mysql.Mapping;

/// <summary>
/// Copies an OCI DbSystem into the status under OCI's JSON names (<c>status.lifecycleState</c>, <c>status.id</c>,
/// <c>status.ipAddress</c>, ...), keeping the operator's own parts (<c>status.status</c>, <c>observedGeneration</c>,
/// <c>lastApplied</c>) from <paramref name="previous"/>.
/// </summary>
internal static class StatusProjector
{
    public static DbSystemStatus Project(OciDbSystem live, DbSystemStatus? previous, DbSystemSpec spec)
    {
        ArgumentNullException.ThrowIfNull(live);
        ArgumentNullException.ThrowIfNull(spec);
        var json = JsonSerializer.SerializeToNode(live, MysqlJsonContext.Default.DbSystem) as JsonObject ?? [];
        var projected = Fitting(json);
        return projected with
        {
            Status = previous?.Status ?? new OsokStatus(),
            Conditions = previous?.Conditions,
            ObservedGeneration = previous?.ObservedGeneration,
            LastApplied = previous?.LastApplied,
            AdminUsername = spec.AdminUsername,
            AdminPassword = spec.AdminPassword,
        };
    }

    /// <summary>
    /// The OCI fields as status. A field whose OCI shape the status cannot hold (ZPR <c>securityAttributes</c> with
    /// object values, <c>{"Oracle-ZPR": {"MaxEgressCount": {"value": "42", "mode": "audit"}}}</c>) is left out instead
    /// of failing the whole projection, which would leave the status stale and the reconcile failing forever.
    /// </summary>
    private static DbSystemStatus Fitting(JsonObject json)
    {
        try
        {
            return ApiJson.FromNode<DbSystemStatus>(json) ?? new DbSystemStatus();
        }
        catch (JsonException)
        {
            // Rare: find the fields that do not fit, one by one.
        }

        var fitting = new JsonObject();
        foreach (var (key, value) in json)
        {
            try
            {
                ApiJson.FromNode<DbSystemStatus>(new JsonObject { [key] = value?.DeepClone() });
                fitting[key] = value?.DeepClone();
            }
            catch (JsonException)
            {
                // Left out: the status schema has no place for this shape.
            }
        }

        return ApiJson.FromNode<DbSystemStatus>(fitting) ?? new DbSystemStatus();
    }

    /// <summary>The operator's parts of <paramref name="previous"/> without any projected OCI field (the DB system is gone).</summary>
    public static DbSystemStatus OwnPartsOnly(DbSystemStatus? previous) => new()
    {
        Status = previous?.Status ?? new OsokStatus(),
        Conditions = previous?.Conditions,
        ObservedGeneration = previous?.ObservedGeneration,
        LastApplied = previous?.LastApplied,
    };
}
