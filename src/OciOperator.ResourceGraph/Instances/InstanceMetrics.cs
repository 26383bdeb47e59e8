using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace OciOperator.ResourceGraph.Instances;

/// <summary>
/// kro's instance metrics under kro's names (kro.md §8; label <c>gvr</c> as <c>plural.version.group</c>), created on
/// the process's meter (the Runtime's, so one Prometheus endpoint shows them beside <c>controller_runtime_*</c>).
/// One per process, shared by every instance controller.
/// </summary>
public sealed class InstanceMetrics
{
    private static readonly double[] DurationBuckets = [0.001, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60];

    private readonly Counter<long> _reconciles;
    private readonly Counter<long> _errors;
    private readonly Histogram<double> _duration;
    private readonly Counter<long> _transitions;
    private readonly Counter<long> _resolved;
    private readonly Counter<long> _resolutionFailures;
    private readonly Counter<long> _ignored;
    private readonly Histogram<long> _collectionSize;

    public InstanceMetrics(Meter meter)
    {
        ArgumentNullException.ThrowIfNull(meter);
        _reconciles = meter.CreateCounter<long>("instance_reconcile_total", description: "Total number of instance reconciliations");
        _errors = meter.CreateCounter<long>("instance_reconcile_errors_total", description: "Total number of instance reconciliations that ended in an error (waiting is not counted)");
        _duration = meter.CreateHistogram<double>("instance_reconcile_duration_seconds", unit: null, description: "Duration of instance reconciliations",
            tags: null, advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = DurationBuckets });
        _transitions = meter.CreateCounter<long>("instance_state_transitions_total", description: "Instance state transitions");
        _resolved = meter.CreateCounter<long>("instance_graph_resolution_success_total", description: "Instance graphs resolved");
        _resolutionFailures = meter.CreateCounter<long>("instance_graph_resolution_failures_total", description: "Instance graphs that failed to resolve (invalid instance)");
        _ignored = meter.CreateCounter<long>("runtime_node_ignored_total", description: "Nodes skipped because includeWhen is false or a dependency is excluded");
        _collectionSize = meter.CreateHistogram<long>("runtime_collection_size", unit: null, description: "Items of forEach collections",
            tags: null, advice: new InstrumentAdvice<long> { HistogramBucketBoundaries = [0, 1, 5, 10, 50, 100, 500, 1000] });
    }

    internal void Reconciled(string gvr, TimeSpan elapsed, bool failed)
    {
        var tag = new KeyValuePair<string, object?>("gvr", gvr);
        _reconciles.Add(1, tag);
        _duration.Record(elapsed.TotalSeconds, tag);
        if (failed)
        {
            _errors.Add(1, tag);
        }
    }

    internal void StateChanged(string gvr, string? from, string to) =>
        _transitions.Add(1, new TagList { { "gvr", gvr }, { "from_state", from ?? string.Empty }, { "to_state", to } });

    internal void GraphResolution(string gvr, bool resolved) =>
        (resolved ? _resolved : _resolutionFailures).Add(1, new KeyValuePair<string, object?>("gvr", gvr));

    internal void NodeIgnored(string gvr) => _ignored.Add(1, new KeyValuePair<string, object?>("gvr", gvr));

    internal void CollectionSize(string gvr, int size) => _collectionSize.Record(size, new KeyValuePair<string, object?>("gvr", gvr));
}
