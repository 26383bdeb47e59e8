using OciOperator.Runtime.Metrics;
using OciOperator.Runtime.Reconciliation;

namespace OciOperator.ResourceGraph.Instances;

/// <summary>Settings of one <see cref="InstanceController"/>.</summary>
public sealed record InstanceControllerOptions
{
    /// <summary>How many instances of the kind are reconciled at the same time (never one instance twice).</summary>
    public int Workers { get; init; } = 2;

    /// <summary>The process's controller-runtime metrics (<c>controller_runtime_*</c>, <c>workqueue_*</c>); none when null.</summary>
    public RuntimeMetrics? RuntimeMetrics { get; init; }

    /// <summary>kro's instance metrics, shared by every instance controller of the process; none when null.</summary>
    public InstanceMetrics? Metrics { get; init; }

    /// <summary>Maps a group and kind (no version) to its resource by discovery, for kinds that left the graph; see <see cref="InstanceReconcilerServices.ResolveGroupKind"/>.</summary>
    public Func<string, string, CancellationToken, Task<ResourceType?>>? ResolveGroupKind { get; init; }
}
