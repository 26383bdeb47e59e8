namespace OciOperator.Runtime.Controllers;

/// <summary>Per-controller settings.</summary>
public sealed record ControllerOptions
{
    /// <summary>How many keys may be reconciled at the same time (never the same key twice).</summary>
    public int MaxConcurrentReconciles { get; init; } = 1;

    /// <summary>An optional limit on one reconcile; when it fires the reconcile's token is cancelled and it is retried.</summary>
    public TimeSpan? ReconcileTimeout { get; init; }

    /// <summary>
    /// How long in-flight reconciles may go on after the controller is stopped before their token is cancelled;
    /// null takes the manager's <see cref="ControllerRuntimeOptions.GracefulShutdownTimeout"/> (30 s alone).
    /// </summary>
    public TimeSpan? GracefulShutdownTimeout { get; init; }

    /// <summary>Whether the controller runs only on the leader (the default, as in controller-runtime).</summary>
    public bool NeedLeaderElection { get; init; } = true;
}
