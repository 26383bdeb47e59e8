using System.Diagnostics.Metrics;

namespace OciOperator.Mysql.Diagnostics;

/// <summary>
/// The DbSystem controller's own metrics (meter <see cref="MeterName"/>), next to controller-runtime's: reconcile
/// outcomes by kind of outcome, OCI write calls by operation, and the DbSystems per current condition.
/// </summary>
public sealed class DbSystemMetrics : IDisposable
{
    /// <summary>The meter name to export.</summary>
    public const string MeterName = "OciOperator.Mysql";

    private readonly Counter<long> _outcomes;
    private readonly Counter<long> _writes;

    /// <summary>Creates the instruments (with <paramref name="meterFactory"/> when hosted, else a private Meter).</summary>
    public DbSystemMetrics(IMeterFactory? meterFactory = null)
    {
        Meter = meterFactory?.Create(MeterName) ?? new Meter(MeterName);
        _outcomes = Meter.CreateCounter<long>("oci_operator_dbsystem_reconcile_outcomes_total", description: "DbSystem reconciles by outcome (created, updated, waiting, active, replacement_required, failed_permanent, failed_transient, deleting, deleted, ...)");
        _writes = Meter.CreateCounter<long>("oci_operator_dbsystem_oci_writes_total", description: "OCI write calls made by the DbSystem controller, by operation");
    }

    /// <summary>The meter.</summary>
    public Meter Meter { get; }

    /// <summary>Counts one reconcile that ended with <paramref name="outcome"/>.</summary>
    public void Outcome(string outcome) => _outcomes.Add(1, new KeyValuePair<string, object?>("outcome", outcome));

    /// <summary>Counts one OCI write (<c>CreateDbSystem</c>, <c>UpdateDbSystem</c>, <c>DeleteDbSystem</c>).</summary>
    public void Write(string operation) => _writes.Add(1, new KeyValuePair<string, object?>("operation", operation));

    /// <inheritdoc/>
    public void Dispose() => Meter.Dispose();
}
