namespace OciOperator.Runtime.Events;

/// <summary>
/// Folds repeats of one event into a series (events.k8s.io's <c>series.count</c>, core's <c>count</c>): a repeat within
/// <see cref="Window"/> of the last occurrence updates the same Event object; afterwards a new one starts. Memory is
/// bounded: entries older than the window are dropped.
/// </summary>
internal sealed class EventAggregator(TimeProvider time)
{
    /// <summary>client-go's series window (6 minutes).</summary>
    public static readonly TimeSpan Window = TimeSpan.FromMinutes(6);

    private readonly Lock _gate = new();
    private readonly Dictionary<EventKey, EventObservation> _series = [];
    private long _sequence;

    public EventObservation Observe(EventKey key, string regardingName)
    {
        var now = time.GetUtcNow();
        lock (_gate)
        {
            if (_series.TryGetValue(key, out var seen) && now - seen.LastSeen <= Window)
            {
                var next = seen with { Count = seen.Count + 1, LastSeen = now };
                _series[key] = next;
                return next;
            }

            if (_series.Count > 4096)
            {
                foreach (var stale in _series.Where(kv => now - kv.Value.LastSeen > Window).Select(kv => kv.Key).ToList())
                {
                    _series.Remove(stale);
                }
            }

            var name = $"{regardingName}.{now.ToUnixTimeMilliseconds():x}{++_sequence:x}";
            var created = new EventObservation(name, 1, now, now);
            _series[key] = created;
            return created;
        }
    }

    /// <summary>Forgets a series whose Event object vanished, so the next repeat creates a fresh one.</summary>
    public void Forget(EventKey key)
    {
        lock (_gate)
        {
            _series.Remove(key);
        }
    }
}
