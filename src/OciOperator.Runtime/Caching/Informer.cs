using k8s;
using k8s.Models;
using Microsoft.Extensions.Logging;
using OciOperator.Runtime.Client;
using OciOperator.Runtime.Events;
using OciOperator.Runtime.Reconciliation;

namespace OciOperator.Runtime.Caching;

/// <summary>
/// A shared informer: lists, then watches from the list's resourceVersion (with bookmarks), keeps an indexed
/// in-memory cache, and tells handlers about changes. A watch that ends is resumed from the last seen
/// resourceVersion; 410 Gone/Expired (or any failure) leads to a fresh list, which reports vanished keys as
/// deletions. Works for typed objects and for <see cref="UnstructuredObject"/>.
/// <para>
/// As client-go's reflector, it is robust against what it watches: objects are decoded one by one, and one that
/// cannot be decoded is left out of the cache (handlers see it deleted if it was cached), logged once per
/// resourceVersion and reported by a Warning Event on the object; the loop never ends on an exception it did not
/// expect, it backs off with jitter and lists again. <see cref="State"/> tells the truth for readiness probes.
/// </para>
/// </summary>
/// <typeparam name="T">The object type.</typeparam>
public sealed partial class Informer<T> : IInformer, ICacheReader<T>
    where T : class, IKubernetesObject<V1ObjectMeta>
{
    private readonly IKubeApi _api;
    private readonly InformerOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly EventRecorder? _events;
    private readonly Random _random;
    private readonly TaskCompletionSource _synced = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly Lock _handlersGate = new();
    private ResourceEventHandler<T>[] _handlers = [];
    private volatile InformerState _state;
    private volatile string? _lastError;

    /// <param name="type">What to list and watch.</param>
    /// <param name="api">The API server.</param>
    /// <param name="options">Namespace, selectors, resync and backoff.</param>
    /// <param name="time">The clock for backoff and resync.</param>
    /// <param name="logger">Where failures are logged.</param>
    /// <param name="events">Records a Warning Event on each object that cannot be decoded; null records none.</param>
    /// <param name="random">Jitter for the backoff; a fresh generator when null.</param>
    public Informer(ResourceType type, IKubeApi api, InformerOptions options, TimeProvider time, ILogger logger, EventRecorder? events = null, Random? random = null)
    {
        ArgumentNullException.ThrowIfNull(type);
        ArgumentNullException.ThrowIfNull(api);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(time);
        ArgumentNullException.ThrowIfNull(logger);
        Type = type;
        _api = api;
        _options = options;
        _time = time;
        _logger = logger;
        _events = events;
        _random = random ?? new Random();
        AddIndexer(Indexers.Namespace, Indexers.ByNamespace);
    }

    public ResourceType Type { get; }

    public bool HasSynced => _synced.Task.IsCompleted;

    public InformerState State => _state;

    /// <summary>Why the last list or watch failed, while <see cref="State"/> is <see cref="InformerState.Failing"/>.</summary>
    public string? LastError => _lastError;

    /// <summary>The resourceVersion the next watch starts from.</summary>
    public string LastSyncResourceVersion { get; private set; } = string.Empty;

    public Task WaitForSyncAsync(CancellationToken ct) => _synced.Task.WaitAsync(ct);

    /// <summary>
    /// Adds a handler. If the cache is already filled, the handler first receives every cached object as an add
    /// (as client-go does), so late registrations see the world. Dispose the result to remove the handler.
    /// </summary>
    public IDisposable AddEventHandler(ResourceEventHandler<T> handler)
    {
        ArgumentNullException.ThrowIfNull(handler);
        lock (_handlersGate)
        {
            _handlers = [.. _handlers, handler];
            if (HasSynced && handler.OnAdd is { } onAdd)
            {
                foreach (var obj in List())
                {
                    Invoke(onAdd, obj);
                }
            }
        }

        return new Registration(this, handler);
    }

    /// <summary>
    /// Runs list+watch until <paramref name="ct"/> fires. Only an <see cref="OutOfMemoryException"/> ends it early
    /// (the informer then reports <see cref="InformerState.Stopped"/> and the task faults).
    /// </summary>
    public async Task RunAsync(CancellationToken ct)
    {
        var resync = _options.ResyncPeriod is { } period && period > TimeSpan.Zero
            ? ResyncLoopAsync(period, ct)
            : Task.CompletedTask;
        var failures = 0;
        try
        {
            while (!ct.IsCancellationRequested)
            {
                try
                {
                    await ListAndWatchAsync(ct).ConfigureAwait(false);
                    failures = 0;
                }
                catch (OperationCanceledException) when (ct.IsCancellationRequested)
                {
                    break;
                }
#pragma warning disable CA1031 // The loop must outlive any failure of one list or watch: back off and list again.
                catch (Exception ex) when (ex is not OutOfMemoryException)
#pragma warning restore CA1031
                {
                    failures++;
                    _state = InformerState.Failing;
                    _lastError = Describe(ex);
                    var delay = Backoff(failures);
                    LogFailure(ex, delay);
                    try
                    {
                        await Task.Delay(delay, _time, ct).ConfigureAwait(false);
                    }
                    catch (OperationCanceledException) when (ct.IsCancellationRequested)
                    {
                        break;
                    }
                }
            }
        }
        finally
        {
            _state = InformerState.Stopped;
        }

        try
        {
            await resync.ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            // Normal shutdown.
        }
    }

    private static string Describe(Exception ex)
    {
        var message = ex.Message.Length > 300 ? ex.Message[..300] + "..." : ex.Message;
        return $"{ex.GetType().Name}: {message}";
    }

    private void LogFailure(Exception ex, TimeSpan delay)
    {
        if (ex is KubeApiException { IsNotFound: true })
        {
            // The resource type is not served: usually a CRD that is not installed (yet).
            LogNotServed(_logger, Type.ToString(), Type.Kind, delay.TotalSeconds);
        }
        else if (ex is HttpRequestException or TimeoutException or KubeApiException or IOException)
        {
            // Expected while the API server is unreachable or unhappy: one line, no stack trace.
            LogListWatchUnavailable(_logger, Type.ToString(), delay.TotalSeconds, Describe(ex));
        }
        else
        {
            LogListWatchFailed(_logger, Type.ToString(), delay.TotalSeconds, ex);
        }
    }

    // Exponential from 200 ms up to MaxBackoff, with "equal jitter" (half fixed, half random), so informers that
    // failed together (an API server restart) do not all list again at the same instant.
    private TimeSpan Backoff(int failures)
    {
        var seconds = Math.Min(_options.MaxBackoff.TotalSeconds, 0.2 * Math.Pow(2, Math.Min(failures - 1, 20)));
        return TimeSpan.FromSeconds((seconds / 2) + (_random.NextDouble() * seconds / 2));
    }

    private async Task ListAndWatchAsync(CancellationToken ct)
    {
        var list = await _api.ListAsync<T>(Type, new ListOptions(_options.Namespace, _options.LabelSelector, _options.FieldSelector), ct).ConfigureAwait(false);
        ReplaceAll(list.Items);
        await ReplaceUndecodableAsync(list.Undecodable, ct).ConfigureAwait(false);
        LastSyncResourceVersion = list.ResourceVersion;
        _state = InformerState.Synced;
        _lastError = null;
        _synced.TrySetResult();
        LogListed(_logger, Type.ToString(), list.Items.Count, list.ResourceVersion);

        // Watch until a 410 asks for a relist; a stream that simply ends is resumed from the last resourceVersion.
        while (!ct.IsCancellationRequested)
        {
            var options = new WatchOptions(LastSyncResourceVersion, _options.Namespace, _options.LabelSelector, _options.FieldSelector, _options.WatchTimeout);
            await foreach (var ev in _api.WatchAsync<T>(Type, options, ct).ConfigureAwait(false))
            {
                if (ev.Undecodable is { } failure)
                {
                    await ApplyUndecodableAsync(ev.Type, failure, ct).ConfigureAwait(false);
                }
                else if (!Apply(ev))
                {
                    LogExpired(_logger, Type.ToString(), LastSyncResourceVersion);
                    return;
                }
            }
        }
    }

    // Returns false when the watch must be abandoned for a relist.
    private bool Apply(WatchEvent<T> ev)
    {
        switch (ev.Type)
        {
            case WatchEventType.Added:
            case WatchEventType.Modified:
                Upsert(ev.Object!);
                break;
            case WatchEventType.Deleted:
                Delete(ev.Object!);
                break;
            case WatchEventType.Bookmark:
                break;
            case WatchEventType.Error:
                if (ev.Error?.Code == 410 || ev.Error?.Reason is "Expired" or "Gone")
                {
                    return false;
                }

                throw new KubeApiException((System.Net.HttpStatusCode)(ev.Error?.Code ?? 500), ev.Error, $"watch of {Type} failed: {ev.Error?.Message}");
        }

        if (!string.IsNullOrEmpty(ev.ResourceVersion))
        {
            LastSyncResourceVersion = ev.ResourceVersion;
        }

        return true;
    }

    private async Task ResyncLoopAsync(TimeSpan period, CancellationToken ct)
    {
        await _synced.Task.WaitAsync(ct).ConfigureAwait(false);
        while (!ct.IsCancellationRequested)
        {
            await Task.Delay(period, _time, ct).ConfigureAwait(false);
            foreach (var obj in List())
            {
                Notify(h => h.OnUpdate is { } u ? () => u(obj, obj) : null);
            }
        }
    }

    private void Notify(Func<ResourceEventHandler<T>, Action?> select)
    {
        foreach (var handler in Volatile.Read(ref _handlers))
        {
            if (select(handler) is { } action)
            {
                Invoke(action);
            }
        }
    }

    private void Invoke(Action<T> action, T obj) => Invoke(() => action(obj));

    private void Invoke(Action action)
    {
        try
        {
            action();
        }
#pragma warning disable CA1031 // A faulty handler must not stop the informer feeding every other handler.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            LogHandlerFailed(_logger, Type.ToString(), ex);
        }
    }

    private sealed class Registration(Informer<T> informer, ResourceEventHandler<T> handler) : IDisposable
    {
        public void Dispose()
        {
            lock (informer._handlersGate)
            {
                informer._handlers = [.. informer._handlers.Where(h => !ReferenceEquals(h, handler))];
            }
        }
    }
}
