using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using OciOperator.Sandbox.Kube.Resources;
using OciOperator.Sandbox.Kube.Selectors;
using OciOperator.Sandbox.Kube.Storage;

namespace OciOperator.Sandbox.Kube.Http;

/// <summary>
/// Watch streams (§7.4): one JSON event per line, flushed per batch; synthetic ADDED for RV unset/0; replay after
/// RV=N; ERROR 410 Expired for a too-old RV; selector transitions as ADDED/DELETED; bookmarks; timeouts; faults.
/// </summary>
internal sealed partial class KubeApiHandler
{
    private static readonly byte[] NewLine = "\n"u8.ToArray();

    private async Task WatchAsync(HttpContext ctx, ResourceDescriptor d, ApiRequest api, RequestOptions options, CancellationToken ct)
    {
        var labels = LabelSelector.Parse(options.LabelSelector);
        var fields = ParseFieldSelector(d, options.FieldSelector);
        if (api.Name is not null)
        {
            var selected = fields.RequiredValue("metadata.name");
            if (selected is not null && selected != api.Name)
            {
                throw ApiErrors.BadRequest("fieldSelector metadata.name doesn't match requested name");
            }

            fields = FieldSelector.Parse(string.IsNullOrEmpty(options.FieldSelector)
                ? "metadata.name=" + api.Name
                : options.FieldSelector + ",metadata.name=" + api.Name);
        }

        long? from = null;
        if (!string.IsNullOrEmpty(options.ResourceVersion) && options.ResourceVersion != "0")
        {
            if (!long.TryParse(options.ResourceVersion, NumberStyles.None, CultureInfo.InvariantCulture, out var rv))
            {
                throw ApiErrors.BadRequest($"invalid resource version: {options.ResourceVersion}");
            }

            from = rv;
        }

        var table = WantsTable(ctx.Request);
        var includeObject = IncludeObject(ctx.Request);
        WatchSubscription subscription;
        int initialEvents;
        long startRv;
        try
        {
            lock (_store.Gate)
            {
                subscription = _store.Subscribe(d.StorageKey, d.Namespaced ? api.Namespace : null, from);
                initialEvents = subscription.Reader.Count;
                startRv = _store.CurrentResourceVersion;
            }
        }
        catch (ResourceVersionExpiredException e)
        {
            await StartStreamAsync(ctx, ct).ConfigureAwait(false);
            var error = new JsonObject { ["type"] = "ERROR", ["object"] = StatusObjects.Failure(410, "Expired", e.Message, null) };
            await ctx.Response.Body.WriteAsync(Serialize(error), ct).ConfigureAwait(false);
            await ctx.Response.Body.WriteAsync(NewLine, ct).ConfigureAwait(false);
            await ctx.Response.Body.FlushAsync(ct).ConfigureAwait(false);
            return;
        }

        using (subscription)
        {
            var lifetime = TimeSpan.FromSeconds(options.TimeoutSeconds is > 0 and var t ? t : 1800);
            if (_faults.CloseWatchesEvery is { } close && close > TimeSpan.Zero && close < lifetime)
            {
                lifetime = close;
            }

            using var timer = new CancellationTokenSource(lifetime, _time);
            using var linked = CancellationTokenSource.CreateLinkedTokenSource(ct, timer.Token);
            var stream = new WatchStream(this, ctx, d, labels, fields, table, includeObject, options.AllowWatchBookmarks, startRv);
            try
            {
                await StartStreamAsync(ctx, linked.Token).ConfigureAwait(false);
                await stream.RunAsync(subscription, initialEvents, _options.BookmarkInterval, linked.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (linked.IsCancellationRequested)
            {
                // Timeout, fault-injected close, server shutdown or client gone: end the stream cleanly.
            }

            LogWatchEnded(_logger, d.QualifiedResource, stream.Sent);
        }
    }

    private static async Task StartStreamAsync(HttpContext ctx, CancellationToken ct)
    {
        ctx.Response.StatusCode = 200;
        ctx.Response.ContentType = "application/json";
        ctx.Response.Headers.CacheControl = "no-cache, private";
        await ctx.Response.StartAsync(ct).ConfigureAwait(false);
        await ctx.Response.Body.FlushAsync(ct).ConfigureAwait(false);
    }

    /// <summary>One open watch: filters store events and writes them.</summary>
    private sealed class WatchStream(
        KubeApiHandler owner,
        HttpContext ctx,
        ResourceDescriptor d,
        LabelSelector labels,
        FieldSelector fields,
        bool table,
        string includeObject,
        bool bookmarks,
        long startRv)
    {
        private bool _headersSent;
        private readonly long _startRv = startRv;
        private long _lastRv = startRv;

        public long Sent { get; private set; }

        public async Task RunAsync(WatchSubscription subscription, int initialEvents, TimeSpan bookmarkInterval, CancellationToken ct)
        {
            var reader = subscription.Reader;
            for (var i = 0; i < initialEvents && reader.TryRead(out var e); i++)
            {
                await WriteEventAsync(e, ct).ConfigureAwait(false);
            }

            if (bookmarks)
            {
                await WriteBookmarkAsync(_startRv, ct).ConfigureAwait(false);
            }

            await ctx.Response.Body.FlushAsync(ct).ConfigureAwait(false);
            Task<bool>? wait = null;
            while (true)
            {
                wait ??= reader.WaitToReadAsync(ct).AsTask();
                if (bookmarks)
                {
                    using var tickCancel = CancellationTokenSource.CreateLinkedTokenSource(ct);
                    var tick = Task.Delay(bookmarkInterval, owner._time, tickCancel.Token);
                    var first = await Task.WhenAny(wait, tick).ConfigureAwait(false);
                    await tickCancel.CancelAsync().ConfigureAwait(false);
                    if (first == tick)
                    {
                        ct.ThrowIfCancellationRequested();
                        await WriteBookmarkAsync(_lastRv, ct).ConfigureAwait(false);
                        await ctx.Response.Body.FlushAsync(ct).ConfigureAwait(false);
                        continue;
                    }
                }

                var more = await wait.ConfigureAwait(false);
                wait = null;
                if (!more)
                {
                    return;
                }

                while (reader.TryRead(out var e))
                {
                    await WriteEventAsync(e, ct).ConfigureAwait(false);
                }

                await ctx.Response.Body.FlushAsync(ct).ConfigureAwait(false);
            }
        }

        private bool Selected(JsonObject obj) => labels.Matches(obj) && fields.Matches(obj, (o, f) => ResolveField(d, o, f));

        private async Task WriteEventAsync(StoreEvent e, CancellationToken ct)
        {
            _lastRv = Math.Max(_lastRv, e.ResourceVersion);
            string? type = null;
            switch (e.Type)
            {
                case StoreEventType.Added:
                    type = Selected(e.Object) ? "ADDED" : null;
                    break;
                case StoreEventType.Modified:
                    var now = Selected(e.Object);
                    var before = e.Previous is not null && Selected(e.Previous);
                    type = (now, before) switch
                    {
                        (true, true) => "MODIFIED",
                        (true, false) => "ADDED",
                        (false, true) => "DELETED",
                        _ => null,
                    };
                    break;
                case StoreEventType.Deleted:
                    type = Selected(e.Object) ? "DELETED" : null;
                    break;
            }

            if (type is null)
            {
                return;
            }

            JsonNode payload = table
                ? owner._tables.Build(d, [View(d, e.Object)], e.ResourceVersion.ToString(CultureInfo.InvariantCulture), !_headersSent, includeObject)
                : View(d, e.Object);
            _headersSent = true;
            await WriteLineAsync(type, payload, ct).ConfigureAwait(false);
        }

        private Task WriteBookmarkAsync(long rv, CancellationToken ct)
        {
            var obj = new JsonObject
            {
                ["kind"] = d.Kind,
                ["apiVersion"] = d.ApiVersion,
                ["metadata"] = new JsonObject { ["resourceVersion"] = rv.ToString(CultureInfo.InvariantCulture) },
            };
            return WriteLineAsync("BOOKMARK", obj, ct);
        }

        private async Task WriteLineAsync(string type, JsonNode payload, CancellationToken ct)
        {
            using var buffer = new MemoryStream();
            using (var writer = new Utf8JsonWriter(buffer, WriterOptions))
            {
                writer.WriteStartObject();
                writer.WriteString("type", type);
                writer.WritePropertyName("object");
                payload.WriteTo(writer);
                writer.WriteEndObject();
            }

            buffer.Write(NewLine);
            await ctx.Response.Body.WriteAsync(buffer.GetBuffer().AsMemory(0, (int)buffer.Length), ct).ConfigureAwait(false);
            Sent++;
        }
    }
}
