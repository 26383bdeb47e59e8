using System.Collections.Concurrent;
using k8s.Models;
using OciOperator.Runtime.Caching;
using OciOperator.Runtime.Reconciliation;

namespace OciOperator.Runtime.Tests.Support;

/// <summary>
/// A level-based sample reconciler: reads the ConfigMap from the cache and records the last value it saw per key
/// (or that the object is gone), with instrumentation for overlap and call counts.
/// </summary>
internal sealed class ConfigMapValueReconciler(Func<ICacheReader<V1ConfigMap>> cache, TimeSpan work = default) : IReconciler
{
    public const string Gone = "<gone>";

    private readonly ConcurrentDictionary<string, int> _inFlight = new();
    private int _overlaps;
    private int _total;
    private int _running;
    private int _maxRunning;

    public ConcurrentDictionary<string, string> Seen { get; } = new();

    public int Total => Volatile.Read(ref _total);

    public int Overlaps => Volatile.Read(ref _overlaps);

    public int MaxRunning => Volatile.Read(ref _maxRunning);

    public async Task<ReconcileResult> ReconcileAsync(ReconcileRequest request, CancellationToken ct)
    {
        var key = $"{request.Namespace}/{request.Name}";
        if (_inFlight.AddOrUpdate(key, 1, (_, n) => n + 1) > 1)
        {
            Interlocked.Increment(ref _overlaps);
        }

        var running = Interlocked.Increment(ref _running);
        int max;
        while ((max = Volatile.Read(ref _maxRunning)) < running && Interlocked.CompareExchange(ref _maxRunning, running, max) != max)
        {
        }

        Interlocked.Increment(ref _total);
        try
        {
            if (work > TimeSpan.Zero)
            {
                // Simulated work, so that updates arrive while a reconcile runs.
                await Task.Delay(work, ct);
            }

            var obj = cache().Get(request.Namespace, request.Name);
            Seen[key] = obj is null ? Gone : (obj.Data is { } data && data.TryGetValue("v", out var v) ? v : string.Empty);
            return ReconcileResult.Done;
        }
        finally
        {
            Interlocked.Decrement(ref _running);
            _inFlight.AddOrUpdate(key, 0, (_, n) => n - 1);
        }
    }
}
