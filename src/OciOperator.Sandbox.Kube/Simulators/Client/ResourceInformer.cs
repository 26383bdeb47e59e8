using System.Collections.Concurrent;
using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging;

namespace OciOperator.Sandbox.Kube.Simulators.Client;

/// <summary>
/// List, then watch from the list's resourceVersion, keeping a cache by <c>namespace/name</c> and reporting every
/// key that changed (including keys that vanished between lists). A closed stream re-watches from the last
/// resourceVersion; 410 Expired relists; other failures back off (200 ms doubling to 5 s) and relist.
/// Besides the owner's <c>changed</c> callback, further handlers can <see cref="Subscribe"/> to (key, object) — the
/// object being the last one known when the key vanished — so one cache serves several controllers.
/// </summary>
internal sealed partial class ResourceInformer(
    KubeRestClient client,
    string listPath,
    Action<string> changed,
    TimeProvider time,
    ILogger logger)
{
    private static readonly TimeSpan InitialBackoff = TimeSpan.FromMilliseconds(200);
    private static readonly TimeSpan MaxBackoff = TimeSpan.FromSeconds(5);
    private readonly ConcurrentDictionary<string, JsonObject> _cache = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, string> _deletedByUs = new(StringComparer.Ordinal);
    private readonly TaskCompletionSource _synced = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly List<Action<string, JsonObject>> _handlers = [];

    public string ListPath => listPath;

    /// <summary>Completes once the first list has filled the cache.</summary>
    public Task Synced => _synced.Task;

    /// <summary>Every cached object (a snapshot).</summary>
    public IEnumerable<JsonObject> Items => _cache.Values;

    /// <summary>Adds a handler of (key, object); call before <see cref="RunAsync"/>.</summary>
    public void Subscribe(Action<string, JsonObject> handler) => _handlers.Add(handler);

    /// <summary>
    /// Drops an object the caller has just deleted, and ignores late ADDED/MODIFIED events of that object (by uid)
    /// until its DELETED event arrives, so a controller never counts an object it already removed; a new object of
    /// the same name (another uid, as a StatefulSet's recreated pod) is taken at once.
    /// </summary>
    public void Deleted(JsonObject obj)
    {
        if (ObjectKeys.KeyOf(obj) is { } key)
        {
            _deletedByUs[key] = ObjectKeys.Text(obj["metadata"]?["uid"]) ?? "";
            _cache.TryRemove(key, out _);
        }
    }

    private bool IsDeletedByUs(string key, JsonObject obj) =>
        _deletedByUs.TryGetValue(key, out var uid) && uid == (ObjectKeys.Text(obj["metadata"]?["uid"]) ?? "");

    public JsonObject? Get(string key) => _cache.TryGetValue(key, out var obj) ? obj : null;

    /// <summary>Takes a newer copy (e.g. a write's response) so decisions don't wait for the watch event.</summary>
    public void Update(JsonObject obj)
    {
        if (ObjectKeys.KeyOf(obj) is { } key && !IsDeletedByUs(key, obj))
        {
            _cache.AddOrUpdate(key, obj, (_, current) => ObjectKeys.IsNewer(obj, current) ? obj : current);
        }
    }

    public void Remove(string key) => _cache.TryRemove(key, out _);

    public async Task RunAsync(CancellationToken ct)
    {
        var backoff = InitialBackoff;
        while (!ct.IsCancellationRequested)
        {
            try
            {
                var resourceVersion = await RelistAsync(ct).ConfigureAwait(false);
                backoff = InitialBackoff;
                await WatchUntilExpiredAsync(resourceVersion, ct).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (ct.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex) when (ex is HttpRequestException or IOException or JsonException or KubeRequestException or OperationCanceledException)
            {
                Log.WatchFailed(logger, listPath, backoff.TotalMilliseconds, ex.Message);
                await Task.Delay(backoff, time, ct).ConfigureAwait(false);
                backoff = TimeSpan.FromTicks(Math.Min(backoff.Ticks * 2, MaxBackoff.Ticks));
            }
        }
    }

    private async Task<string> RelistAsync(CancellationToken ct)
    {
        var (items, resourceVersion) = await client.ListAsync(listPath, ct).ConfigureAwait(false);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        _deletedByUs.Clear();
        foreach (var item in items)
        {
            if (ObjectKeys.KeyOf(item) is { } key)
            {
                seen.Add(key);
                _cache[key] = item;
                Notify(key, item);
            }
        }

        foreach (var key in _cache.Keys.Where(k => !seen.Contains(k)).ToList())
        {
            if (_cache.TryRemove(key, out var gone))
            {
                Notify(key, gone);
            }
        }

        _synced.TrySetResult();

        Log.Listed(logger, listPath, items.Count, resourceVersion);
        return resourceVersion;
    }

    /// <summary>Watches, re-watching after normal closes, until the history expires (410) — then the caller relists.</summary>
    private async Task WatchUntilExpiredAsync(string resourceVersion, CancellationToken ct)
    {
        var quiet = InitialBackoff;
        while (true)
        {
            var events = 0;
            try
            {
                await foreach (var watchEvent in client.WatchAsync(listPath, resourceVersion, ct).ConfigureAwait(false))
                {
                    events++;
                    resourceVersion = ObjectKeys.Text(watchEvent.Object["metadata"]?["resourceVersion"]) ?? resourceVersion;
                    Apply(watchEvent);
                }
            }
            catch (KubeRequestException ex) when (ex.StatusCode == HttpStatusCode.Gone)
            {
                Log.WatchExpired(logger, listPath, resourceVersion);
                return;
            }

            // A stream that closes with nothing in it must not become a hot loop.
            if (events == 0)
            {
                await Task.Delay(quiet, time, ct).ConfigureAwait(false);
                quiet = TimeSpan.FromTicks(Math.Min(quiet.Ticks * 2, MaxBackoff.Ticks));
            }
            else
            {
                quiet = InitialBackoff;
            }
        }
    }

    private void Apply(WatchEvent watchEvent)
    {
        if (watchEvent.Type == "BOOKMARK" || ObjectKeys.KeyOf(watchEvent.Object) is not { } key)
        {
            return;
        }

        if (watchEvent.Type == "DELETED")
        {
            _deletedByUs.TryRemove(key, out _);
            if (_cache.TryGetValue(key, out var cached) && ObjectKeys.Text(cached["metadata"]?["uid"]) != ObjectKeys.Text(watchEvent.Object["metadata"]?["uid"]))
            {
                // The deletion of an older object of this name; the cached one is its successor.
                Notify(key, watchEvent.Object);
                return;
            }

            _cache.TryRemove(key, out _);
        }
        else if (IsDeletedByUs(key, watchEvent.Object))
        {
            return;
        }
        else
        {
            _cache[key] = watchEvent.Object;
        }

        Notify(key, watchEvent.Object);
    }

    private void Notify(string key, JsonObject obj)
    {
        changed(key);
        foreach (var handler in _handlers)
        {
            handler(key, obj);
        }
    }
}
