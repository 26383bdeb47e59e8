namespace OciOperator.Runtime.Queue;

/// <summary>The values of one queue that a scrape reads: depth, unfinished work and the longest running item.</summary>
/// <param name="Name">The queue's name (the <c>name</c> label).</param>
/// <param name="Depth">Items ready to be handed out (<c>workqueue_depth</c>).</param>
/// <param name="UnfinishedWorkSeconds">Seconds of in-flight work not yet finished (<c>workqueue_unfinished_work_seconds</c>).</param>
/// <param name="LongestRunningProcessorSeconds">Seconds the longest in-flight item has run (<c>workqueue_longest_running_processor_seconds</c>).</param>
public sealed record WorkQueueGauges(string Name, Func<int> Depth, Func<double> UnfinishedWorkSeconds, Func<double> LongestRunningProcessorSeconds);
