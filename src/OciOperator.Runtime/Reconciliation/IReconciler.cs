namespace OciOperator.Runtime.Reconciliation;

/// <summary>
/// Drives the observed state toward the desired state for one key. Throwing means "retry with backoff";
/// throwing <see cref="TerminalReconcileException"/> means "do not retry until the object changes".
/// </summary>
public interface IReconciler
{
    Task<ReconcileResult> ReconcileAsync(ReconcileRequest request, CancellationToken ct);
}
