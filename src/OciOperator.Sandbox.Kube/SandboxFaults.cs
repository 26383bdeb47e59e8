using OciOperator.Sandbox.Kube.Http;

namespace OciOperator.Sandbox.Kube;

/// <summary>
/// Fault-injection switches of the Sandbox API server. Thread-safe; tests may flip them at any time and the next
/// request sees the change.
/// </summary>
public sealed class SandboxFaults : IFaultSource
{
    private readonly Lock _gate = new();
    private readonly Random _random;
    private readonly Action _compact;
    private TimeSpan? _closeWatchesEvery;
    private double _writeConflictRatio;
    private double _writeErrorRatio;
    private TimeSpan _latency;
    private bool _nextErrorIsUnavailable;
    private long _injectedConflicts;
    private long _injectedErrors;

    internal SandboxFaults(Random random, Action compactHistory)
    {
        _random = random;
        _compact = compactHistory;
    }

    /// <summary>When set, the server closes every watch stream after this long (new and already open ones).</summary>
    public TimeSpan? CloseWatchesEvery
    {
        get { lock (_gate) { return _closeWatchesEvery; } }
        set { lock (_gate) { _closeWatchesEvery = value; } }
    }

    /// <summary>Fraction (0–1) of writes answered 409 Conflict.</summary>
    public double WriteConflictRatio
    {
        get { lock (_gate) { return _writeConflictRatio; } }
        set { lock (_gate) { _writeConflictRatio = Ratio(value); } }
    }

    /// <summary>Fraction (0–1) of writes answered 500 or 503 (alternating).</summary>
    public double WriteErrorRatio
    {
        get { lock (_gate) { return _writeErrorRatio; } }
        set { lock (_gate) { _writeErrorRatio = Ratio(value); } }
    }

    /// <summary>Delay added to every request.</summary>
    public TimeSpan Latency
    {
        get { lock (_gate) { return _latency; } }
        set { lock (_gate) { _latency = value < TimeSpan.Zero ? TimeSpan.Zero : value; } }
    }

    /// <summary>How many writes were answered with an injected 409 Conflict so far.</summary>
    public long InjectedConflicts => Interlocked.Read(ref _injectedConflicts);

    /// <summary>How many writes were answered with an injected 500 or 503 so far.</summary>
    public long InjectedErrors => Interlocked.Read(ref _injectedErrors);

    /// <summary>Drops the watch event history: watches resuming from an older resourceVersion get 410 Gone (Expired).</summary>
    public void CompactHistory() => _compact();

    WriteFault IFaultSource.NextWriteFault()
    {
        lock (_gate)
        {
            if (_writeConflictRatio <= 0 && _writeErrorRatio <= 0)
            {
                return WriteFault.None;
            }

            var roll = _random.NextDouble();
            if (roll < _writeConflictRatio)
            {
                Interlocked.Increment(ref _injectedConflicts);
                return WriteFault.Conflict;
            }

            if (roll < _writeConflictRatio + _writeErrorRatio)
            {
                _nextErrorIsUnavailable = !_nextErrorIsUnavailable;
                Interlocked.Increment(ref _injectedErrors);
                return _nextErrorIsUnavailable ? WriteFault.Unavailable : WriteFault.InternalError;
            }

            return WriteFault.None;
        }
    }

    int IFaultSource.NextInt(int maxExclusive)
    {
        lock (_gate)
        {
            return _random.Next(maxExclusive);
        }
    }

    private static double Ratio(double value) => double.IsNaN(value) ? 0 : Math.Clamp(value, 0, 1);
}
