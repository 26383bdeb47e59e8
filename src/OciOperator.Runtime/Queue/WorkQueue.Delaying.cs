namespace OciOperator.Runtime.Queue;

/// <summary>The delaying part: <see cref="AddAfter"/> keeps the earliest ready time per key and one timer.</summary>
public sealed partial class WorkQueue<T>
{
    private readonly PriorityQueue<T, DateTimeOffset> _delayed = new();
    private readonly Dictionary<T, DateTimeOffset> _readyAt = [];
    private readonly ITimer _delayTimer;
    private DateTimeOffset _timerDue = DateTimeOffset.MaxValue;

    /// <summary>Items parked by <see cref="AddAfter"/> and not yet ready.</summary>
    public int DelayedCount
    {
        get
        {
            lock (_gate)
            {
                return _readyAt.Count;
            }
        }
    }

    /// <summary>Adds <paramref name="item"/> once <paramref name="delay"/> has passed; the earliest ready time per key wins.</summary>
    public void AddAfter(T item, TimeSpan delay)
    {
        lock (_gate)
        {
            if (_shuttingDown)
            {
                return;
            }

            if (delay <= TimeSpan.Zero)
            {
                AddLocked(item);
                return;
            }

            var readyAt = _time.GetUtcNow() + delay;
            if (_readyAt.TryGetValue(item, out var existing) && existing <= readyAt)
            {
                return;
            }

            _readyAt[item] = readyAt;
            _delayed.Enqueue(item, readyAt);
            ArmTimerLocked();
        }
    }

    private void OnDelayTimer()
    {
        lock (_gate)
        {
            _timerDue = DateTimeOffset.MaxValue;
            var now = _time.GetUtcNow();
            while (_delayed.TryPeek(out var item, out var readyAt) && readyAt <= now)
            {
                _delayed.Dequeue();
                if (_readyAt.TryGetValue(item, out var current) && current == readyAt)
                {
                    _readyAt.Remove(item);
                    AddLocked(item);
                }
            }

            ArmTimerLocked();
        }
    }

    private void ArmTimerLocked()
    {
        // Skip stale heap entries (a key re-added with an earlier time leaves its old entry behind).
        while (_delayed.TryPeek(out var item, out var readyAt)
               && (!_readyAt.TryGetValue(item, out var current) || current != readyAt))
        {
            _delayed.Dequeue();
        }

        if (!_delayed.TryPeek(out _, out var next) || _shuttingDown)
        {
            return;
        }

        if (next < _timerDue)
        {
            _timerDue = next;
            var due = next - _time.GetUtcNow();
            _delayTimer.Change(due < TimeSpan.Zero ? TimeSpan.Zero : due, Timeout.InfiniteTimeSpan);
        }
    }
}
