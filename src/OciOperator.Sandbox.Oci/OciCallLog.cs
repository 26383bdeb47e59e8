namespace OciOperator.Sandbox.Oci;

/// <summary>
/// Every request the emulator answered, in order; thread-safe. Counts cover every call; <see cref="All"/> keeps the most
/// recent <see cref="Capacity"/> calls so a long-running sandbox does not grow without bound.
/// </summary>
public sealed class OciCallLog
{
    public const int Capacity = 50_000;
    private readonly Lock _gate = new();
    private readonly Queue<OciCall> _calls = new();
    private readonly Dictionary<string, (int Total, int Succeeded)> _counts = new(StringComparer.Ordinal);

    /// <summary>A snapshot of the retained calls, oldest first.</summary>
    public IReadOnlyList<OciCall> All
    {
        get
        {
            lock (_gate)
            {
                return [.. _calls];
            }
        }
    }

    /// <summary>How many calls of <paramref name="operation"/> (e.g. <c>CreateDbSystem</c>) were made.</summary>
    public int Count(string operation)
    {
        lock (_gate)
        {
            return _counts.GetValueOrDefault(operation).Total;
        }
    }

    /// <summary>How many calls of <paramref name="operation"/> succeeded (2xx or 304).</summary>
    public int CountSucceeded(string operation)
    {
        lock (_gate)
        {
            return _counts.GetValueOrDefault(operation).Succeeded;
        }
    }

    /// <summary>Calls per operation.</summary>
    public IReadOnlyDictionary<string, int> CountsByOperation()
    {
        lock (_gate)
        {
            return _counts.ToDictionary(c => c.Key, c => c.Value.Total, StringComparer.Ordinal);
        }
    }

    public void Clear()
    {
        lock (_gate)
        {
            _calls.Clear();
            _counts.Clear();
        }
    }

    internal void Add(OciCall call)
    {
        lock (_gate)
        {
            if (_calls.Count == Capacity)
            {
                _calls.Dequeue();
            }

            _calls.Enqueue(call);
            var (total, succeeded) = _counts.GetValueOrDefault(call.Operation);
            var success = call.Status is (>= 200 and < 300) or 304;
            _counts[call.Operation] = (total + 1, succeeded + (success ? 1 : 0));
        }
    }
}
