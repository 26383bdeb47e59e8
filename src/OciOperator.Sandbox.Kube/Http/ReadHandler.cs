using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using OciOperator.Sandbox.Kube.Errors;
using OciOperator.Sandbox.Kube.Resources;
using OciOperator.Sandbox.Kube.Schema;
using OciOperator.Sandbox.Kube.Semantics;
using OciOperator.Sandbox.Kube.Storage;
using OciOperator.Sandbox.Kube.Selectors;

namespace OciOperator.Sandbox.Kube.Http;

/// <summary>GET and LIST, with selectors, limit/continue and Table output.</summary>
internal sealed class ReadHandler(ObjectStore store, TableBuilder tables)
{
    public async Task GetAsync(HttpContext ctx, ResourceDescriptor d, ApiRequest api, RequestOptions options, CancellationToken ct)
    {
        var obj = store.Get(d.StorageKey, d.Namespaced ? api.Namespace ?? "" : "", api.Name!) ?? throw ApiErrors.NotFound(d, api.Name!);
        if (ResponseWriter.WantsTable(ctx.Request))
        {
            var table = tables.Build(d, [ObjectViews.View(d, obj)], store.ResourceVersionText, includeHeaders: true, ResponseWriter.IncludeObject(ctx.Request));
            await ResponseWriter.WriteJsonAsync(ctx, 200, table, ct).ConfigureAwait(false);
            return;
        }

        await ResponseWriter.WriteObjectAsync(ctx, d, 200, obj, options, ct).ConfigureAwait(false);
    }

    public async Task ListAsync(HttpContext ctx, ResourceDescriptor d, ApiRequest api, RequestOptions options, CancellationToken ct)
    {
        ValidateListOptions(options);
        var labels = LabelSelector.Parse(options.LabelSelector);
        var fields = ResourceFieldSelectors.Parse(d, options.FieldSelector);
        var (start, startRv) = ContinueToken.Decode(options.Continue);
        IReadOnlyList<JsonObject> all;
        long rv;
        lock (store.Gate)
        {
            if (startRv is > 0 and var from && from < store.CompactedThrough)
            {
                throw ApiErrors.ContinueExpired(ContinueToken.Encode(start!, -1));
            }

            all = store.List(d.StorageKey, d.Namespaced ? api.Namespace : null);
            rv = store.CurrentResourceVersion;
        }

        var matching = all.Where(o => labels.Matches(o) && fields.Matches(o, (obj, field) => ResourceFieldSelectors.Resolve(d, obj, field)));
        if (start is not null)
        {
            matching = matching.Where(o => string.CompareOrdinal(ObjectMeta.NamespaceOf(o) + "/" + ObjectMeta.NameOf(o), start) > 0);
        }

        var items = matching.ToList();
        string? next = null;
        long? remaining = null;
        if (options.Limit is > 0 and var limit && items.Count > limit)
        {
            var last = items[limit - 1];
            next = ContinueToken.Encode(ObjectMeta.NamespaceOf(last) + "/" + ObjectMeta.NameOf(last), startRv is > 0 and var from ? from : rv);
            if (labels.IsEmpty && fields.IsEmpty)
            {
                remaining = items.Count - limit;
            }

            items = items.GetRange(0, limit);
        }

        var rvText = rv.ToString(CultureInfo.InvariantCulture);
        if (ResponseWriter.WantsTable(ctx.Request))
        {
            var table = tables.Build(d, ObjectViews.Views(d, items), rvText, includeHeaders: true, ResponseWriter.IncludeObject(ctx.Request));
            if (next is not null)
            {
                ((JsonObject)table["metadata"]!)["continue"] = next;
            }

            await ResponseWriter.WriteJsonAsync(ctx, 200, table, ct).ConfigureAwait(false);
            return;
        }

        await ResponseWriter.WriteListAsync(ctx, d, items, rvText, next, remaining, ct).ConfigureAwait(false);
    }

    private static void ValidateListOptions(RequestOptions options)
    {
        if (options.ResourceVersionMatch is null or "")
        {
            return;
        }

        FieldError? error = null;
        if (string.IsNullOrEmpty(options.ResourceVersion))
        {
            error = FieldError.Forbidden("resourceVersionMatch", "resourceVersionMatch is forbidden unless resourceVersion is provided");
        }
        else if (!string.IsNullOrEmpty(options.Continue))
        {
            error = FieldError.Forbidden("resourceVersionMatch", "resourceVersionMatch is forbidden when continue is provided");
        }
        else if (options.ResourceVersionMatch is not ("Exact" or "NotOlderThan"))
        {
            error = FieldError.NotSupported("resourceVersionMatch", options.ResourceVersionMatch, ["Exact", "NotOlderThan"]);
        }
        else if (options.ResourceVersionMatch == "Exact" && options.ResourceVersion == "0")
        {
            error = FieldError.Forbidden("resourceVersionMatch", "resourceVersionMatch \"exact\" is forbidden for resourceVersion \"0\"");
        }

        if (error is not null)
        {
            throw ApiErrors.Invalid("ListOptions.meta.k8s.io", "meta.k8s.io", "ListOptions", "", [error]);
        }
    }
}
