using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using OciOperator.Sandbox.Kube.Resources;
using OciOperator.Sandbox.Kube.Selectors;
using OciOperator.Sandbox.Kube.Semantics;
using OciOperator.Sandbox.Kube.Storage;

namespace OciOperator.Sandbox.Kube.Http;

/// <summary>One open watch: filters store events and writes them.</summary>
internal sealed class WatchStream(
    TableBuilder tables,
    TimeProvider time,
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
                var tick = Task.Delay(bookmarkInterval, time, tickCancel.Token);
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

    private bool Selected(JsonObject obj) => labels.Matches(obj) && fields.Matches(obj, (o, f) => ResourceFieldSelectors.Resolve(d, o, f));

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
            ? tables.Build(d, [ObjectViews.View(d, e.Object)], e.ResourceVersion.ToString(CultureInfo.InvariantCulture), !_headersSent, includeObject)
            : ObjectViews.View(d, e.Object);
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
        using (var writer = new Utf8JsonWriter(buffer, ResponseWriter.WriterOptions))
        {
            writer.WriteStartObject();
            writer.WriteString("type", type);
            writer.WritePropertyName("object");
            payload.WriteTo(writer);
            writer.WriteEndObject();
        }

        buffer.Write(WatchHandler.NewLine);
        await ctx.Response.Body.WriteAsync(buffer.GetBuffer().AsMemory(0, (int)buffer.Length), ct).ConfigureAwait(false);
        Sent++;
    }
}
