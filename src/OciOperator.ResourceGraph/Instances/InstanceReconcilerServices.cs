using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using OciOperator.Runtime.Reconciliation;

namespace OciOperator.ResourceGraph.Instances;

/// <summary>What an <see cref="InstanceReconciler"/> reports to besides the API server: logs, metrics, and the index of external references its controller watches.</summary>
public sealed record InstanceReconcilerServices
{
    public ILogger Logger { get; init; } = NullLogger.Instance;

    public InstanceMetrics? Metrics { get; init; }

    /// <summary>Filled with the external objects each instance read, so their events reconcile it.</summary>
    public ExternalRefIndex? ExternalRefs { get; init; }

    /// <summary>The informer caches reads are served from; every read goes to the API server when null.</summary>
    public ObjectCache? Cache { get; init; }

    /// <summary>
    /// Maps a group and kind of the instance's ApplySet inventory that the current graph no longer names to its
    /// resource (discovery), so its leftovers can be listed and pruned; such kinds are not pruned when null.
    /// </summary>
    public Func<string, string, CancellationToken, Task<ResourceType?>>? ResolveGroupKind { get; init; }
}
