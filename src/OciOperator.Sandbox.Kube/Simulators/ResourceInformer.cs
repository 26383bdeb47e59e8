using System.Collections.Concurrent;
using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging;

namespace OciOperator.Sandbox.Kube.Simulators;

/// <summary>
/// List, then watch from the list's resourceVersion, keeping a cache by <c>namespace/name</c> and reporting every
/// key that changed (including keys that vanished between lists). A closed stream re-watches from the last
/// resourceVersion; 410 Expired relists; other failures back off (200 ms doubling to 5 s) and relist.
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

    public JsonObject? Get(string key) => _cache.TryGetValue(key, out var obj) ? obj : null;

    /// <summary>Takes a newer copy (e.g. a write's response) so decisions don't wait for the watch event.</summary>
    public void Update(JsonObject obj)
    {
        if (ObjectKeys.KeyOf(obj) is { } key)
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
        foreach (var item in items)
        {
            if (ObjectKeys.KeyOf(item) is { } key)
            {
                seen.Add(key);
                _cache[key] = item;
                changed(key);
            }
        }

        foreach (var key in _cache.Keys.Where(k => !seen.Contains(k)).ToList())
        {
            _cache.TryRemove(key, out _);
            changed(key);
        }

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
            _cache.TryRemove(key, out _);
        }
        else
        {
            _cache[key] = watchEvent.Object;
        }

        changed(key);
    }
}
