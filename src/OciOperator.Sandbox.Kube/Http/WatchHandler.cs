using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using OciOperator.Sandbox.Kube.Errors;
using OciOperator.Sandbox.Kube.Resources;
using OciOperator.Sandbox.Kube.Selectors;
using OciOperator.Sandbox.Kube.Storage;

namespace OciOperator.Sandbox.Kube.Http;

/// <summary>Watch streams (§7.4): one JSON event per line, flushed per batch; synthetic ADDED for RV unset/0; replay after RV=N; ERROR 410 Expired for a too-old RV; selector transitions as ADDED/DELETED; bookmarks; timeouts; faults.</summary>
internal sealed partial class WatchHandler(ObjectStore store, TableBuilder tables, IFaultSource faults, TimeProvider time, TimeSpan bookmarkInterval, ILogger logger)
{
    internal static readonly byte[] NewLine = "\n"u8.ToArray();

    public async Task WatchAsync(HttpContext ctx, ResourceDescriptor d, ApiRequest api, RequestOptions options, CancellationToken ct)
    {
        var labels = LabelSelector.Parse(options.LabelSelector);
        var fields = ResourceFieldSelectors.Parse(d, options.FieldSelector);
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

        var table = ResponseWriter.WantsTable(ctx.Request);
        var includeObject = ResponseWriter.IncludeObject(ctx.Request);
        WatchSubscription subscription;
        int initialEvents;
        long startRv;
        try
        {
            lock (store.Gate)
            {
                subscription = store.Subscribe(d.StorageKey, d.Namespaced ? api.Namespace : null, from);
                initialEvents = subscription.Reader.Count;
                startRv = store.CurrentResourceVersion;
            }
        }
        catch (ResourceVersionExpiredException e)
        {
            await ResponseWriter.StartStreamAsync(ctx, ct).ConfigureAwait(false);
            var error = new JsonObject { ["type"] = "ERROR", ["object"] = StatusObjects.Failure(410, "Expired", e.Message, null) };
            await ctx.Response.Body.WriteAsync(ResponseWriter.Serialize(error), ct).ConfigureAwait(false);
            await ctx.Response.Body.WriteAsync(NewLine, ct).ConfigureAwait(false);
            await ctx.Response.Body.FlushAsync(ct).ConfigureAwait(false);
            return;
        }

        using (subscription)
        {
            var lifetime = TimeSpan.FromSeconds(options.TimeoutSeconds is > 0 and var t ? t : 1800);
            if (faults.CloseWatchesEvery is { } close && close > TimeSpan.Zero && close < lifetime)
            {
                lifetime = close;
            }

            using var timer = new CancellationTokenSource(lifetime, time);
            using var linked = CancellationTokenSource.CreateLinkedTokenSource(ct, timer.Token);
            var stream = new WatchStream(tables, time, ctx, d, labels, fields, table, includeObject, options.AllowWatchBookmarks, startRv);
            try
            {
                await ResponseWriter.StartStreamAsync(ctx, linked.Token).ConfigureAwait(false);
                await stream.RunAsync(subscription, initialEvents, bookmarkInterval, linked.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (linked.IsCancellationRequested)
            {
                // Timeout, fault-injected close, server shutdown or client gone: end the stream cleanly.
            }

            LogWatchEnded(logger, d.QualifiedResource, stream.Sent);
        }
    }
}
