using System.Text.Json;
using Microsoft.Extensions.Logging;
using OciOperator.Sandbox.Kube.Simulators.Client;

namespace OciOperator.Sandbox.Kube.Simulators.Workloads;

/// <summary>
/// Runs one <see cref="IWorkloadReconciler"/>: a de-duplicating queue of keys, one worker, per-key backoff on failed
/// API calls (100 ms doubling to 5 s) and planned rechecks on <see cref="TimeProvider"/> timers. It starts working
/// only once every informer the reconciler reads has listed, so no decision is made from an empty cache.
/// </summary>
internal sealed partial class WorkloadController(
    IWorkloadReconciler reconciler,
    IReadOnlyList<ResourceInformer> reads,
    TimeProvider time,
    ILogger logger) : IDisposable
{
    private static readonly TimeSpan InitialRetry = TimeSpan.FromMilliseconds(100);
    private static readonly TimeSpan MaxRetry = TimeSpan.FromSeconds(5);
    private readonly KeyQueue _queue = new(time);
    private readonly Dictionary<string, int> _failures = new(StringComparer.Ordinal);

    public string Name => reconciler.Name;

    public void Enqueue(string key) => _queue.Add(key);

    public async Task RunAsync(CancellationToken ct)
    {
        try
        {
            await Task.WhenAll(reads.Select(i => i.Synced)).WaitAsync(ct).ConfigureAwait(false);
            await foreach (var key in _queue.ReadAllAsync(ct).ConfigureAwait(false))
            {
                await ProcessAsync(key, ct).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
        }
    }

    public void Dispose() => _queue.Dispose();

    private async Task ProcessAsync(string key, CancellationToken ct)
    {
        TimeSpan? after;
        try
        {
            after = await reconciler.ReconcileAsync(key, ct).ConfigureAwait(false);
            _failures.Remove(key);
        }
        catch (Exception ex) when (ex is HttpRequestException or IOException or JsonException or KubeRequestException
                                   || (ex is OperationCanceledException && !ct.IsCancellationRequested))
        {
            var attempt = _failures[key] = _failures.GetValueOrDefault(key) + 1;
            after = TimeSpan.FromTicks(Math.Min(InitialRetry.Ticks << Math.Min(attempt - 1, 10), MaxRetry.Ticks));
            var status = (ex as KubeRequestException)?.StatusCode;
            Log.ReconcileFailed(logger, reconciler.Name, key, (int?)status ?? 0, after.Value.TotalMilliseconds, ex.Message);
        }

        if (after is { } delay)
        {
            EnqueueAfter(key, delay);
        }
    }

    private void EnqueueAfter(string key, TimeSpan delay) => _queue.AddAfter(key, delay);
}
