namespace OciOperator.Runtime.Reconciliation;

/// <summary>
/// The outcome of a successful reconcile. Only <see cref="RequeueAfter"/>: polling is explicit; errors are thrown
/// (and retried with backoff), never signalled with a flag.
/// </summary>
public readonly record struct ReconcileResult(TimeSpan? RequeueAfter = null)
{
    /// <summary>Done; nothing to do until something changes.</summary>
    public static ReconcileResult Done => default;

    /// <summary>Look again after <paramref name="delay"/> (the failure backoff is forgotten).</summary>
    public static ReconcileResult After(TimeSpan delay) => new(delay);
}
