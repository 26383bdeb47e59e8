namespace OciOperator.Sandbox.Oci;

/// <summary>Every request the emulator answered, in order; thread-safe.</summary>
public sealed class OciCallLog
{
    private readonly Lock _gate = new();
    private readonly List<OciCall> _calls = [];

    /// <summary>A snapshot of all calls so far.</summary>
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
            return _calls.Count(c => c.Operation == operation);
        }
    }

    /// <summary>How many calls of <paramref name="operation"/> succeeded (2xx or 304).</summary>
    public int CountSucceeded(string operation)
    {
        lock (_gate)
        {
            return _calls.Count(c => c.Operation == operation && c.Status is >= 200 and < 300 or 304);
        }
    }

    /// <summary>Calls per operation.</summary>
    public IReadOnlyDictionary<string, int> CountsByOperation()
    {
        lock (_gate)
        {
            return _calls.GroupBy(c => c.Operation).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
        }
    }

    public void Clear()
    {
        lock (_gate)
        {
            _calls.Clear();
        }
    }

    internal void Add(OciCall call)
    {
        lock (_gate)
        {
            _calls.Add(call);
        }
    }
}
