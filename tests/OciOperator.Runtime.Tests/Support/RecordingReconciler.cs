using System.Collections.Concurrent;
using OciOperator.Runtime.Reconciliation;

namespace OciOperator.Runtime.Tests.Support;

/// <summary>
/// A reconciler that records every call, detects overlapping reconciles of one key, and delegates the outcome
/// to a function under test control.
/// </summary>
internal sealed class RecordingReconciler(Func<ReconcileRequest, int, CancellationToken, Task<ReconcileResult>> behaviour) : IReconciler
{
    private readonly ConcurrentDictionary<ReconcileRequest, int> _inFlight = new();
    private readonly ConcurrentDictionary<ReconcileRequest, int> _calls = new();
    private int _total;
    private int _overlaps;
    private int _running;
    private int _maxRunning;

    public RecordingReconciler()
        : this((_, _, _) => Task.FromResult(ReconcileResult.Done))
    {
    }

    public int Total => Volatile.Read(ref _total);

    /// <summary>How many times a key was reconciled while it was already being reconciled.</summary>
    public int Overlaps => Volatile.Read(ref _overlaps);

    public int MaxRunning => Volatile.Read(ref _maxRunning);

    public ConcurrentQueue<ReconcileRequest> Calls { get; } = new();

    public int CallsFor(ReconcileRequest request) => _calls.GetValueOrDefault(request);

    public async Task<ReconcileResult> ReconcileAsync(ReconcileRequest request, CancellationToken ct)
    {
        if (_inFlight.AddOrUpdate(request, 1, (_, n) => n + 1) > 1)
        {
            Interlocked.Increment(ref _overlaps);
        }

        var running = Interlocked.Increment(ref _running);
        InterlockedMax(ref _maxRunning, running);
        var call = _calls.AddOrUpdate(request, 1, (_, n) => n + 1);
        Interlocked.Increment(ref _total);
        Calls.Enqueue(request);
        try
        {
            return await behaviour(request, call, ct);
        }
        finally
        {
            Interlocked.Decrement(ref _running);
            _inFlight.AddOrUpdate(request, 0, (_, n) => n - 1);
        }
    }

    private static void InterlockedMax(ref int target, int value)
    {
        int current;
        while ((current = Volatile.Read(ref target)) < value && Interlocked.CompareExchange(ref target, value, current) != current)
        {
        }
    }
}
