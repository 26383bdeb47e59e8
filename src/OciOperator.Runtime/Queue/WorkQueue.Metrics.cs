namespace OciOperator.Runtime.Queue;

/// <summary>Snapshots the metrics layer reads when it is scraped.</summary>
public sealed partial class WorkQueue<T>
{
    /// <summary>The current depth (ready items) for <c>workqueue_depth</c>.</summary>
    internal int Depth => Count;

    /// <summary>Seconds of work in progress that has not finished yet (<c>workqueue_unfinished_work_seconds</c>).</summary>
    internal double UnfinishedWorkSeconds()
    {
        lock (_gate)
        {
            var now = _time.GetTimestamp();
            var total = 0.0;
            foreach (var started in _processing.Values)
            {
                total += _time.GetElapsedTime(started, now).TotalSeconds;
            }

            return total;
        }
    }

    /// <summary>Seconds the longest-running in-flight item has been processed (<c>workqueue_longest_running_processor_seconds</c>).</summary>
    internal double LongestRunningProcessorSeconds()
    {
        lock (_gate)
        {
            var now = _time.GetTimestamp();
            var longest = 0.0;
            foreach (var started in _processing.Values)
            {
                longest = Math.Max(longest, _time.GetElapsedTime(started, now).TotalSeconds);
            }

            return longest;
        }
    }
}
