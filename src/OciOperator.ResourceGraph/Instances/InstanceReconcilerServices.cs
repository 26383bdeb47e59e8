using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace OciOperator.ResourceGraph.Instances;

/// <summary>What an <see cref="InstanceReconciler"/> reports to besides the API server: logs, metrics, and the index of external references its controller watches.</summary>
public sealed record InstanceReconcilerServices
{
    public ILogger Logger { get; init; } = NullLogger.Instance;

    public InstanceMetrics? Metrics { get; init; }

    /// <summary>Filled with the external objects each instance read, so their events reconcile it.</summary>
    public ExternalRefIndex? ExternalRefs { get; init; }
}
