using System.Collections.Concurrent;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using OciOperator.Runtime.Queue;

namespace OciOperator.Runtime.Metrics;

/// <summary>
/// The controller-runtime and workqueue instruments, under the names Prometheus users know. Instruments carry no
/// unit so the OpenTelemetry Prometheus exporter emits the names unchanged (counters already end in <c>_total</c>).
/// </summary>
public sealed class RuntimeMetrics : IWorkQueueMetrics, IDisposable
{
    /// <summary>The OpenTelemetry meter name to subscribe to.</summary>
    public const string MeterName = "OciOperator.Runtime";

    private static readonly double[] ReconcileBuckets =
        [0.005, 0.01, 0.025, 0.05, 0.1, 0.15, 0.2, 0.25, 0.3, 0.35, 0.4, 0.45, 0.5, 0.6, 0.7, 0.8, 0.9, 1.0,
         1.25, 1.5, 1.75, 2.0, 2.5, 3.0, 3.5, 4.0, 4.5, 5, 6, 7, 8, 9, 10, 15, 20, 25, 30, 40, 50, 60];

    private static readonly double[] QueueBuckets =
        [1e-8, 1e-7, 1e-6, 1e-5, 1e-4, 1e-3, 0.01, 0.1, 1, 10, 100, 1000];

    private readonly ConcurrentDictionary<string, WorkQueueGauges> _queues = new();
    private readonly ConcurrentDictionary<string, int> _maxConcurrent = new();
    private readonly Counter<long> _reconcileTotal;
    private readonly Counter<long> _reconcileErrors;
    private readonly Histogram<double> _reconcileTime;
    private readonly UpDownCounter<long> _activeWorkers;
    private readonly Counter<long> _adds;
    private readonly Counter<long> _retries;
    private readonly Histogram<double> _queueDuration;
    private readonly Histogram<double> _workDuration;

    public RuntimeMetrics(IMeterFactory? meterFactory = null)
    {
        Meter = meterFactory?.Create(MeterName) ?? new Meter(MeterName);
        RestClient = new RestClientMetrics(Meter);
        ProcessMetrics.AddTo(Meter);
        _reconcileTotal = Meter.CreateCounter<long>("controller_runtime_reconcile_total", description: "Total number of reconciliations per controller");
        _reconcileErrors = Meter.CreateCounter<long>("controller_runtime_reconcile_errors_total", description: "Total number of reconciliation errors per controller");
        _reconcileTime = Meter.CreateHistogram<double>(
            "controller_runtime_reconcile_time_seconds",
            unit: null,
            description: "Length of time per reconciliation per controller",
            tags: null,
            advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = ReconcileBuckets });
        _activeWorkers = Meter.CreateUpDownCounter<long>("controller_runtime_active_workers", description: "Number of currently used workers per controller");
        Meter.CreateObservableGauge("controller_runtime_max_concurrent_reconciles", ObserveMaxConcurrent, description: "Maximum number of concurrent reconciles per controller");
        _adds = Meter.CreateCounter<long>("workqueue_adds_total", description: "Total number of adds handled by workqueue");
        _retries = Meter.CreateCounter<long>("workqueue_retries_total", description: "Total number of retries handled by workqueue");
        _queueDuration = Meter.CreateHistogram<double>(
            "workqueue_queue_duration_seconds",
            unit: null,
            description: "How long in seconds an item stays in workqueue before being requested",
            tags: null,
            advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = QueueBuckets });
        _workDuration = Meter.CreateHistogram<double>(
            "workqueue_work_duration_seconds",
            unit: null,
            description: "How long in seconds processing an item from workqueue takes",
            tags: null,
            advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = QueueBuckets });
        Meter.CreateObservableGauge("workqueue_depth", () => ObserveQueues(static q => q.Depth()), description: "Current depth of workqueue");
        Meter.CreateObservableGauge("workqueue_unfinished_work_seconds", () => ObserveQueues(static q => q.UnfinishedWorkSeconds()), description: "Seconds of work in progress not yet observed by work_duration");
        Meter.CreateObservableGauge("workqueue_longest_running_processor_seconds", () => ObserveQueues(static q => q.LongestRunningProcessorSeconds()), description: "Seconds the longest running processor has been running");
    }

    /// <summary>The meter all instruments live on.</summary>
    public Meter Meter { get; }

    /// <summary>client-go's API client and leader-election instruments.</summary>
    public RestClientMetrics RestClient { get; }

    public void Dispose() => Meter.Dispose();

    void IWorkQueueMetrics.QueueCreated(WorkQueueGauges gauges)
    {
        ArgumentNullException.ThrowIfNull(gauges);
        _queues[gauges.Name] = gauges;
        _adds.Add(0, new KeyValuePair<string, object?>("name", gauges.Name));
        _retries.Add(0, new KeyValuePair<string, object?>("name", gauges.Name));
    }

    void IWorkQueueMetrics.QueueDisposed(WorkQueueGauges gauges)
    {
        ArgumentNullException.ThrowIfNull(gauges);
        if (_queues.TryGetValue(gauges.Name, out var current) && ReferenceEquals(current, gauges))
        {
            _queues.TryRemove(gauges.Name, out _);
        }
    }

    void IWorkQueueMetrics.QueueAdd(string name) => _adds.Add(1, new KeyValuePair<string, object?>("name", name));

    void IWorkQueueMetrics.QueueRetry(string name) => _retries.Add(1, new KeyValuePair<string, object?>("name", name));

    void IWorkQueueMetrics.QueueLatency(string name, TimeSpan wait) =>
        _queueDuration.Record(wait.TotalSeconds, new KeyValuePair<string, object?>("name", name));

    void IWorkQueueMetrics.QueueWorkDuration(string name, TimeSpan work) =>
        _workDuration.Record(work.TotalSeconds, new KeyValuePair<string, object?>("name", name));

    /// <summary>Records the controller's concurrency and publishes its counters at zero (as controller-runtime does).</summary>
    internal void SetMaxConcurrentReconciles(string controller, int value)
    {
        _maxConcurrent[controller] = value;
        var tag = new KeyValuePair<string, object?>("controller", controller);
        _reconcileErrors.Add(0, tag);
        foreach (var result in new[] { ReconcileResultLabels.Success, ReconcileResultLabels.Error, ReconcileResultLabels.Requeue, ReconcileResultLabels.RequeueAfter })
        {
            _reconcileTotal.Add(0, new TagList { { "controller", controller }, { "result", result } });
        }
    }

    internal void RemoveController(string controller) => _maxConcurrent.TryRemove(controller, out _);

    internal void ReconcileFinished(string controller, string result, TimeSpan elapsed)
    {
        var tags = new TagList { { "controller", controller }, { "result", result } };
        _reconcileTotal.Add(1, tags);
        _reconcileTime.Record(elapsed.TotalSeconds, new KeyValuePair<string, object?>("controller", controller));
        if (result == ReconcileResultLabels.Error)
        {
            _reconcileErrors.Add(1, new KeyValuePair<string, object?>("controller", controller));
        }
    }

    internal void WorkerStarted(string controller) =>
        _activeWorkers.Add(1, new KeyValuePair<string, object?>("controller", controller));

    internal void WorkerStopped(string controller) =>
        _activeWorkers.Add(-1, new KeyValuePair<string, object?>("controller", controller));

    private IEnumerable<Measurement<int>> ObserveMaxConcurrent()
    {
        foreach (var (controller, value) in _maxConcurrent)
        {
            yield return new Measurement<int>(value, new KeyValuePair<string, object?>("controller", controller));
        }
    }

    private IEnumerable<Measurement<double>> ObserveQueues(Func<WorkQueueGauges, double> read)
    {
        foreach (var (name, gauges) in _queues)
        {
            yield return new Measurement<double>(read(gauges), new KeyValuePair<string, object?>("name", name));
        }
    }
}
