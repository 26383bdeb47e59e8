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
    public void Outcome(DbSystemOutcome outcome) => _outcomes.Add(1, new KeyValuePair<string, object?>("outcome", Label(outcome)));

    /// <summary>Counts one OCI write (<c>CreateDbSystem</c>, <c>UpdateDbSystem</c>, <c>DeleteDbSystem</c>).</summary>
    public void Write(string operation) => _writes.Add(1, new KeyValuePair<string, object?>("operation", operation));

    /// <summary>The <c>outcome</c> label value of <paramref name="outcome"/> (snake_case, stable).</summary>
    public static string Label(DbSystemOutcome outcome) => outcome switch
    {
        DbSystemOutcome.Created => "created",
        DbSystemOutcome.Updated => "updated",
        DbSystemOutcome.DriftCorrected => "drift_corrected",
        DbSystemOutcome.Waiting => "waiting",
        DbSystemOutcome.WaitingForSecret => "waiting_for_secret",
        DbSystemOutcome.Active => "active",
        DbSystemOutcome.ReplacementRequired => "replacement_required",
        DbSystemOutcome.FailedLifecycle => "failed_lifecycle",
        DbSystemOutcome.FailedPermanent => "failed_permanent",
        DbSystemOutcome.FailedTransient => "failed_transient",
        DbSystemOutcome.Gone => "gone",
        DbSystemOutcome.Deleting => "deleting",
        DbSystemOutcome.DeleteProtected => "delete_protected",
        DbSystemOutcome.Deleted => "deleted",
        DbSystemOutcome.Retained => "retained",
        _ => throw new ArgumentOutOfRangeException(nameof(outcome), outcome, null),
    };

    /// <inheritdoc/>
    public void Dispose() => Meter.Dispose();
}
