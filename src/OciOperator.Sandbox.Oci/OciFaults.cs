namespace OciOperator.Sandbox.Oci;

/// <summary>
/// Fault injection, thread-safe. Queued faults ("the next N calls") are consumed first, then the ratio mode draws.
/// Faults without an operation apply to MySQL API calls only; name an operation (e.g. <c>FederateX509</c>,
/// <c>GetInstanceRegion</c>) to fail identity endpoints.
/// </summary>
public sealed class OciFaults
{
    private readonly Lock _gate = new();
    private readonly List<(string? Operation, OciFault Fault)> _queue = [];
    private Random _random = new(0);
    private double _ratio;
    private IReadOnlyList<int> _ratioStatuses = [];
    private TimeSpan? _ratioRetryAfter;
    private string? _ratioOperation;
    private double _ratioAfterProcessingShare;
    private TimeSpan _latency;

    /// <summary>Delay added before answering each MySQL API call (uses the emulator's TimeProvider).</summary>
    public TimeSpan Latency
    {
        get
        {
            lock (_gate)
            {
                return _latency;
            }
        }

        set
        {
            ArgumentOutOfRangeException.ThrowIfLessThan(value, TimeSpan.Zero);
            lock (_gate)
            {
                _latency = value;
            }
        }
    }

    /// <summary>Number of queued faults not yet consumed.</summary>
    public int Pending
    {
        get
        {
            lock (_gate)
            {
                return _queue.Count;
            }
        }
    }

    /// <summary>Queues <paramref name="count"/> copies of <paramref name="fault"/> for the next matching calls.</summary>
    public void Enqueue(OciFault fault, int count = 1, string? operation = null)
    {
        ArgumentNullException.ThrowIfNull(fault);
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        if (fault.Kind == OciFaultKind.Status && fault.StatusCode is < 400 or > 599)
        {
            throw new ArgumentOutOfRangeException(nameof(fault), fault.StatusCode, "A status fault needs a 4xx or 5xx status code.");
        }

        lock (_gate)
        {
            for (var i = 0; i < count; i++)
            {
                _queue.Add((operation, fault));
            }
        }
    }

    /// <summary>A burst: the next <paramref name="count"/> calls answer <paramref name="statusCode"/> (e.g. 429 with retry-after, 503).</summary>
    public void FailNext(int count, int statusCode, TimeSpan? retryAfter = null, string? operation = null, bool afterProcessing = false) =>
        Enqueue(new OciFault(OciFaultKind.Status, statusCode, retryAfter, afterProcessing), count, operation);

    /// <summary>The next <paramref name="count"/> calls never get an answer (the client times out).</summary>
    public void HangNext(int count, string? operation = null, bool afterProcessing = false) =>
        Enqueue(new OciFault(OciFaultKind.Hang, AfterProcessing: afterProcessing), count, operation);

    /// <summary>The next <paramref name="count"/> calls have their connection aborted.</summary>
    public void ResetNext(int count, string? operation = null, bool afterProcessing = false) =>
        Enqueue(new OciFault(OciFaultKind.ConnectionReset, AfterProcessing: afterProcessing), count, operation);

    /// <summary>
    /// Ratio mode: each matching call fails with probability <paramref name="ratio"/>, with a status drawn from
    /// <paramref name="statusCodes"/> (default 429, 500, 502, 503, 504). Deterministic for a given <paramref name="seed"/>.
    /// A ratio of 0 turns the mode off. With <paramref name="afterProcessingShare"/> that share of the failures happen after
    /// the request was carried out (lost responses).
    /// </summary>
    public void SetFailureRatio(
        double ratio, IReadOnlyList<int>? statusCodes = null, TimeSpan? retryAfter = null, int seed = 0, string? operation = null, double afterProcessingShare = 0)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(ratio, 0.0);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(ratio, 1.0);
        ArgumentOutOfRangeException.ThrowIfLessThan(afterProcessingShare, 0.0);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(afterProcessingShare, 1.0);
        var statuses = statusCodes ?? [429, 500, 502, 503, 504];
        if (statuses.Count == 0 || statuses.Any(s => s is < 400 or > 599))
        {
            throw new ArgumentException("Status codes must be non-empty 4xx/5xx values.", nameof(statusCodes));
        }

        lock (_gate)
        {
            _ratio = ratio;
            _ratioStatuses = [.. statuses];
            _ratioRetryAfter = retryAfter;
            _ratioOperation = operation;
            _ratioAfterProcessingShare = afterProcessingShare;
            _random = new Random(seed);
        }
    }

    /// <summary>Removes queued faults, the ratio mode and latency.</summary>
    public void Clear()
    {
        lock (_gate)
        {
            _queue.Clear();
            _ratio = 0;
            _latency = TimeSpan.Zero;
        }
    }

    /// <summary>The fault for this call, if any (consumes a queued one).</summary>
    internal OciFault? Next(string operation, bool isMysqlOperation)
    {
        lock (_gate)
        {
            var index = _queue.FindIndex(entry => Matches(entry.Operation, operation, isMysqlOperation));
            if (index >= 0)
            {
                var fault = _queue[index].Fault;
                _queue.RemoveAt(index);
                return fault;
            }

            if (_ratio > 0 && Matches(_ratioOperation, operation, isMysqlOperation) && _random.NextDouble() < _ratio)
            {
                var status = _ratioStatuses[_random.Next(_ratioStatuses.Count)];
                return new OciFault(OciFaultKind.Status, status, _ratioRetryAfter, _random.NextDouble() < _ratioAfterProcessingShare);
            }

            return null;
        }
    }

    private static bool Matches(string? scope, string operation, bool isMysqlOperation) =>
        scope is null ? isMysqlOperation : string.Equals(scope, operation, StringComparison.Ordinal);
}
