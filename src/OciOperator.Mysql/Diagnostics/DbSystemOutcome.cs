namespace OciOperator.Mysql.Diagnostics;

/// <summary>How one DbSystem reconcile ended: the <c>outcome</c> label of <see cref="DbSystemMetrics"/>.</summary>
public enum DbSystemOutcome
{
    /// <summary>CreateDbSystem was sent (or a lost create was found).</summary>
    Created,

    /// <summary>UpdateDbSystem was sent for a spec or password change.</summary>
    Updated,

    /// <summary>UpdateDbSystem was sent to restore an out-of-band change.</summary>
    DriftCorrected,

    /// <summary>OCI is working (CREATING, UPDATING, DELETING out of band).</summary>
    Waiting,

    /// <summary>An admin Secret is missing.</summary>
    WaitingForSecret,

    /// <summary>ACTIVE and converged.</summary>
    Active,

    /// <summary>A force-new field changed.</summary>
    ReplacementRequired,

    /// <summary>OCI reports a state the operator does not act on (FAILED, INACTIVE, ...).</summary>
    FailedLifecycle,

    /// <summary>A permanent OCI failure.</summary>
    FailedPermanent,

    /// <summary>A transient OCI failure.</summary>
    FailedTransient,

    /// <summary>The tracked DB system is gone.</summary>
    Gone,

    /// <summary>Deletion in progress.</summary>
    Deleting,

    /// <summary>OCI refused the delete (delete protection).</summary>
    DeleteProtected,

    /// <summary>The DB system was deleted and the finalizer removed.</summary>
    Deleted,

    /// <summary>The DB system was kept in OCI and the finalizer removed.</summary>
    Retained,
}
