using System.ComponentModel.DataAnnotations;

namespace OciOperator.Mysql.Controllers;

/// <summary>Settings of the DbSystem controller, bound from the <c>DbSystem</c> configuration section.</summary>
public sealed class DbSystemControllerOptions
{
    /// <summary>The configuration section name.</summary>
    public const string SectionName = "DbSystem";

    /// <summary>After ACTIVE, how often OCI is read again to refresh status and catch out-of-band changes.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "7.00:00:00")]
    public TimeSpan ResyncPeriod { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>The first poll interval while OCI works (CREATING, UPDATING, DELETING).</summary>
    [Range(typeof(TimeSpan), "00:00:00.010", "01:00:00")]
    public TimeSpan PollInitialInterval { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>The longest poll interval while OCI works; intervals grow from the initial one to this.</summary>
    [Range(typeof(TimeSpan), "00:00:00.010", "01:00:00")]
    public TimeSpan PollMaxInterval { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>How soon a permanent failure (OCI 400/401/403/404, a missing Secret) is tried again without any change.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "1.00:00:00")]
    public TimeSpan PermanentErrorRetry { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>How many DbSystems are reconciled at the same time (never the same one twice).</summary>
    [Range(1, 1000)]
    public int MaxConcurrentReconciles { get; set; } = 3;

    /// <summary>Only this namespace is watched (all namespaces when empty).</summary>
    public string? Namespace { get; set; }
}
