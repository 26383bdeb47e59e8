namespace OciOperator.Sandbox.Kube.Simulators.Workloads;

/// <summary>One simulated controller's decision for one <c>namespace/name</c> key, made from informer caches.</summary>
internal interface IWorkloadReconciler
{
    /// <summary>The resource it reconciles, for logs (e.g. <c>deployments</c>).</summary>
    string Name { get; }

    /// <summary>Converges the key's children and status; returns when to look again, or null when settled.</summary>
    Task<TimeSpan?> ReconcileAsync(string key, CancellationToken ct);
}
