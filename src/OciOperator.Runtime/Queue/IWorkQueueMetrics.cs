namespace OciOperator.Runtime.Queue;

/// <summary>
/// Where a work queue reports what it does (client-go's <c>workqueue.MetricsProvider</c>): the metrics layer
/// implements it, so the queue knows nothing of instruments or exporters.
/// </summary>
public interface IWorkQueueMetrics
{
    /// <summary>A queue was created; its gauges are read on each scrape until <see cref="QueueDisposed"/>.</summary>
    void QueueCreated(WorkQueueGauges gauges);

    /// <summary>The queue behind <paramref name="gauges"/> was disposed.</summary>
    void QueueDisposed(WorkQueueGauges gauges);

    /// <summary>An item was added (<c>workqueue_adds_total</c>).</summary>
    void QueueAdd(string name);

    /// <summary>An item was re-added with rate limiting (<c>workqueue_retries_total</c>).</summary>
    void QueueRetry(string name);

    /// <summary>An item waited <paramref name="wait"/> before a worker took it (<c>workqueue_queue_duration_seconds</c>).</summary>
    void QueueLatency(string name, TimeSpan wait);

    /// <summary>A worker processed an item for <paramref name="work"/> (<c>workqueue_work_duration_seconds</c>).</summary>
    void QueueWorkDuration(string name, TimeSpan work);
}
