using System.Text.Json;
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
        var json = JsonSerializer.SerializeToNode(live, MysqlJsonContext.Default.DbSystem);
        var projected = ApiJson.FromNode<DbSystemStatus>(json) ?? new DbSystemStatus();
        return projected with
        {
            Status = previous?.Status ?? new OsokStatus(),
            ObservedGeneration = previous?.ObservedGeneration,
            LastApplied = previous?.LastApplied,
            AdminUsername = spec.AdminUsername,
            AdminPassword = spec.AdminPassword,
        };
    }

    /// <summary>The operator's parts of <paramref name="previous"/> without any projected OCI field (the DB system is gone).</summary>
    public static DbSystemStatus OwnPartsOnly(DbSystemStatus? previous) => new()
    {
        Status = previous?.Status ?? new OsokStatus(),
        ObservedGeneration = previous?.ObservedGeneration,
        LastApplied = previous?.LastApplied,
    };
}
