using k8s;
using k8s.Models;
using Microsoft.Extensions.Logging;
using OciOperator.Runtime.Client;
using OciOperator.Runtime.Reconciliation;

namespace OciOperator.Runtime.Caching;

/// <summary>
/// A shared informer: lists, then watches from the list's resourceVersion (with bookmarks), keeps an indexed
/// in-memory cache, and tells handlers about changes. A watch that ends is resumed from the last seen
/// resourceVersion; 410 Gone/Expired (or any failure) leads to a fresh list, which reports vanished keys as
/// deletions. Works for typed objects and for <see cref="UnstructuredObject"/>.
/// </summary>
/// <typeparam name="T">The object type.</typeparam>
public sealed partial class Informer<T> : IInformer, ICacheReader<T>
    where T : class, IKubernetesObject<V1ObjectMeta>
{
    private readonly IKubeApi _api;
    private readonly InformerOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly TaskCompletionSource _synced = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly Lock _handlersGate = new();
    private ResourceEventHandler<T>[] _handlers = [];

    public Informer(ResourceType type, IKubeApi api, InformerOptions options, TimeProvider time, ILogger logger)
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
        AddIndexer(Indexers.Namespace, Indexers.ByNamespace);
    }

    public ResourceType Type { get; }

    public bool HasSynced => _synced.Task.IsCompleted;

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

    /// <summary>Runs list+watch until <paramref name="ct"/> fires.</summary>
    public async Task RunAsync(CancellationToken ct)
    {
        var resync = _options.ResyncPeriod is { } period && period > TimeSpan.Zero
            ? ResyncLoopAsync(period, ct)
            : Task.CompletedTask;
        var failures = 0;
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
            catch (Exception ex) when (ex is KubeApiException or HttpRequestException or IOException or System.Text.Json.JsonException or OperationCanceledException or TimeoutException)
            {
                failures++;
                var delay = Backoff(failures);
                if (ex is KubeApiException { IsNotFound: true })
                {
                    // The resource type is not served: usually a CRD that is not installed (yet).
                    LogNotServed(_logger, Type.ToString(), Type.Kind, delay.TotalSeconds);
                }
                else
                {
                    LogListWatchFailed(_logger, Type.ToString(), delay.TotalSeconds, ex);
                }
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

        try
        {
            await resync.ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            // Normal shutdown.
        }
    }

    private TimeSpan Backoff(int failures)
    {
        var seconds = Math.Min(_options.MaxBackoff.TotalSeconds, 0.2 * Math.Pow(2, Math.Min(failures - 1, 20)));
        return TimeSpan.FromSeconds(seconds);
    }

    private async Task ListAndWatchAsync(CancellationToken ct)
    {
        var list = await _api.ListAsync<T>(Type, new ListOptions(_options.Namespace, _options.LabelSelector, _options.FieldSelector), ct).ConfigureAwait(false);
        ReplaceAll(list.Items);
        LastSyncResourceVersion = list.ResourceVersion;
        _synced.TrySetResult();
        LogListed(_logger, Type.ToString(), list.Items.Count, list.ResourceVersion);

        // Watch until a 410 asks for a relist; a stream that simply ends is resumed from the last resourceVersion.
        while (!ct.IsCancellationRequested)
        {
            var options = new WatchOptions(LastSyncResourceVersion, _options.Namespace, _options.LabelSelector, _options.FieldSelector, _options.WatchTimeout);
            await foreach (var ev in _api.WatchAsync<T>(Type, options, ct).ConfigureAwait(false))
            {
                if (!Apply(ev))
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
