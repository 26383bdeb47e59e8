using System.Collections.Concurrent;
using k8s;
using k8s.Models;
using Microsoft.Extensions.Logging;
using OciOperator.Runtime.Client;
using OciOperator.Runtime.Events;
using OciOperator.Runtime.Reconciliation;

namespace OciOperator.Runtime.Caching;

/// <summary>
/// One shared informer per (resource type, object type), started on demand. Informers added while the cache runs
/// start at once; dynamic kinds can be removed again (their watch stops). <see cref="Stopped"/> completes if an
/// informer's loop ends without being asked to (it cannot recover; the process should restart).
/// </summary>
/// <param name="api">The API server.</param>
/// <param name="time">The clock of every informer.</param>
/// <param name="loggerFactory">Loggers of the informers.</param>
/// <param name="events">Records Warning Events on objects an informer cannot decode; null records none.</param>
/// <param name="random">Seeds each informer's backoff jitter; a fresh generator when null.</param>
public sealed partial class InformerCache(IKubeApi api, TimeProvider time, ILoggerFactory loggerFactory, EventRecorder? events = null, Random? random = null) : IAsyncDisposable
{
    private readonly ConcurrentDictionary<(ResourceType, Type), Entry> _entries = new();
    private readonly Lock _gate = new();
    private readonly Random _random = random ?? new Random();
    private readonly TaskCompletionSource<InformerStoppedException> _stopped = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private CancellationToken _runToken;
    private bool _running;

    /// <summary>The informer for <paramref name="type"/>, created (and started, if the cache runs) on first use.</summary>
    public Informer<T> GetInformer<T>(ResourceType type, InformerOptions? options = null)
        where T : class, IKubernetesObject<V1ObjectMeta>
    {
        ArgumentNullException.ThrowIfNull(type);
        lock (_gate)
        {
            if (_entries.TryGetValue((type, typeof(T)), out var existing))
            {
                return (Informer<T>)existing.Informer;
            }

            var informer = new Informer<T>(type, api, options ?? new InformerOptions(), time, loggerFactory.CreateLogger<Informer<T>>(), events, new Random(_random.Next()));
            var entry = new Entry(informer, informer.RunAsync, _stopped);
            _entries[(type, typeof(T))] = entry;
            if (_running)
            {
                entry.Start(_runToken);
            }

            return informer;
        }
    }

    /// <summary>All informers created so far.</summary>
    public IReadOnlyList<IInformer> Informers => [.. _entries.Values.Select(e => e.Informer)];

    /// <summary>True when every informer has listed at least once.</summary>
    public bool HasSynced => _entries.Values.All(e => e.Informer.HasSynced);

    /// <summary>True when every informer is <see cref="InformerState.Synced"/> now (none starting, failing or stopped).</summary>
    public bool IsReady => _entries.Values.All(e => e.Informer.State == InformerState.Synced);

    /// <summary>One line per informer that is not synced now, with its state and last error (for <c>/readyz</c>).</summary>
    public IReadOnlyList<string> NotReady =>
        [.. _entries.Values.Select(e => e.Informer).Where(i => i.State != InformerState.Synced)
            .Select(i => i.LastError is { } error ? $"informer {i.Type}: {i.State} ({error})" : $"informer {i.Type}: {i.State}")];

    /// <summary>
    /// Completes when an informer's loop ended while the cache still runs: it cannot recover in this process.
    /// Never completes on a normal stop or removal.
    /// </summary>
    public Task<InformerStoppedException> Stopped => _stopped.Task;

    /// <summary>Starts every informer (and any added later) until <paramref name="ct"/> fires.</summary>
    public void Start(CancellationToken ct)
    {
        lock (_gate)
        {
            if (_running)
            {
                return;
            }

            _running = true;
            _runToken = ct;
            foreach (var entry in _entries.Values)
            {
                entry.Start(ct);
            }
        }
    }

    /// <summary>Waits until every informer has synced.</summary>
    public Task WaitForCacheSyncAsync(CancellationToken ct) =>
        Task.WhenAll(_entries.Values.Select(e => e.Informer.WaitForSyncAsync(ct)));

    /// <summary>Stops and forgets the informer for a dynamic kind.</summary>
    public async Task RemoveInformerAsync<T>(ResourceType type)
        where T : class, IKubernetesObject<V1ObjectMeta>
    {
        Entry? entry;
        lock (_gate)
        {
            _entries.TryRemove((type, typeof(T)), out entry);
        }

        if (entry is not null)
        {
            await entry.StopAsync().ConfigureAwait(false);
        }
    }

    /// <summary>Stops and forgets <paramref name="informer"/> (whatever its object type).</summary>
    public async Task RemoveInformerAsync(IInformer informer)
    {
        Entry? entry = null;
        lock (_gate)
        {
            foreach (var (key, candidate) in _entries)
            {
                if (ReferenceEquals(candidate.Informer, informer) && _entries.TryRemove(key, out entry))
                {
                    break;
                }
            }
        }

        if (entry is not null)
        {
            await entry.StopAsync().ConfigureAwait(false);
        }
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var entry in _entries.Values)
        {
            await entry.StopAsync().ConfigureAwait(false);
        }
    }

    private sealed class Entry(IInformer informer, Func<CancellationToken, Task> run, TaskCompletionSource<InformerStoppedException> stopped)
    {
        private CancellationTokenSource? _cts;
        private Task _task = Task.CompletedTask;

        public IInformer Informer => informer;

        public void Start(CancellationToken ct)
        {
            _cts = CancellationTokenSource.CreateLinkedTokenSource(ct);
            var token = _cts.Token;
            _task = RunAsync(token);
        }

        private async Task RunAsync(CancellationToken ct)
        {
            Exception? failure = null;
            try
            {
                await run(ct).ConfigureAwait(false);
            }
#pragma warning disable CA1031 // Whatever ended the loop is reported through Stopped; the manager decides.
            catch (Exception ex)
#pragma warning restore CA1031
            {
                failure = ex;
            }

            if (!ct.IsCancellationRequested)
            {
                stopped.TrySetResult(new InformerStoppedException(informer.Type, failure));
            }
        }

        // Safe to call concurrently (the manager's stop and the container's dispose race at shutdown).
        public async Task StopAsync()
        {
            var cts = Interlocked.Exchange(ref _cts, null);
            if (cts is null)
            {
                return;
            }

            try
            {
                await cts.CancelAsync().ConfigureAwait(false);
                await _task.ConfigureAwait(false);
            }
            finally
            {
                cts.Dispose();
            }
        }
    }
}
