using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using OciOperator.Sandbox.Kube.Resources;
using OciOperator.Sandbox.Kube.Schema;
using OciOperator.Sandbox.Kube.Selectors;
using OciOperator.Sandbox.Kube.Semantics;
using OciOperator.Sandbox.Kube.Storage;

namespace OciOperator.Sandbox.Kube.Http;

/// <summary>GET and LIST, with selectors, limit/continue and Table output.</summary>
internal sealed partial class KubeApiHandler
{
    private async Task GetAsync(HttpContext ctx, ResourceDescriptor d, ApiRequest api, RequestOptions options, CancellationToken ct)
    {
        var obj = _store.Get(d.StorageKey, d.Namespaced ? api.Namespace ?? "" : "", api.Name!) ?? throw ApiErrors.NotFound(d, api.Name!);
        if (WantsTable(ctx.Request))
        {
            var table = _tables.Build(d, [View(d, obj)], _store.ResourceVersionText, includeHeaders: true, IncludeObject(ctx.Request));
            await WriteJsonAsync(ctx, 200, table, ct).ConfigureAwait(false);
            return;
        }

        await WriteObjectAsync(ctx, d, 200, obj, options, ct).ConfigureAwait(false);
    }

    private async Task ListAsync(HttpContext ctx, ResourceDescriptor d, ApiRequest api, RequestOptions options, CancellationToken ct)
    {
        ValidateListOptions(options);
        var labels = LabelSelector.Parse(options.LabelSelector);
        var fields = ParseFieldSelector(d, options.FieldSelector);
        var (start, startRv) = DecodeContinue(options.Continue);
        IReadOnlyList<JsonObject> all;
        long rv;
        lock (_store.Gate)
        {
            all = _store.List(d.StorageKey, d.Namespaced ? api.Namespace : null);
            rv = _store.CurrentResourceVersion;
        }

        var matching = all.Where(o => labels.Matches(o) && fields.Matches(o, (obj, field) => ResolveField(d, obj, field)));
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
            next = EncodeContinue(ObjectMeta.NamespaceOf(last) + "/" + ObjectMeta.NameOf(last), startRv ?? rv);
            if (labels.IsEmpty && fields.IsEmpty)
            {
                remaining = items.Count - limit;
            }

            items = items.GetRange(0, limit);
        }

        var rvText = rv.ToString(CultureInfo.InvariantCulture);
        if (WantsTable(ctx.Request))
        {
            var table = _tables.Build(d, Views(d, items), rvText, includeHeaders: true, IncludeObject(ctx.Request));
            if (next is not null)
            {
                ((JsonObject)table["metadata"]!)["continue"] = next;
            }

            await WriteJsonAsync(ctx, 200, table, ct).ConfigureAwait(false);
            return;
        }

        await WriteListAsync(ctx, d, items, rvText, next, remaining, ct).ConfigureAwait(false);
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

    private static FieldSelector ParseFieldSelector(ResourceDescriptor d, string? text)
    {
        var selector = FieldSelector.Parse(text);
        foreach (var (field, _, _) in selector.Terms)
        {
            if (d.FieldLabels.Supports(field))
            {
                continue;
            }

            throw ApiErrors.BadRequest(d.FieldLabels.Unsupported(field));
        }

        return selector;
    }

    /// <summary>A field label's value on a stored object (labels were checked by <see cref="ParseFieldSelector"/>).</summary>
    private static string ResolveField(ResourceDescriptor d, JsonObject stored, string field) => d.FieldLabels.Read(stored, field);

    private static string EncodeContinue(string start, long rv) =>
        Convert.ToBase64String(Encoding.UTF8.GetBytes(new JsonObject { ["v"] = "meta.k8s.io/v1", ["rv"] = rv, ["start"] = start }.ToJsonString()));

    private static (string? Start, long? Rv) DecodeContinue(string? token)
    {
        if (string.IsNullOrEmpty(token))
        {
            return (null, null);
        }

        try
        {
            var node = JsonNode.Parse(Encoding.UTF8.GetString(Convert.FromBase64String(token)));
            var start = node?["start"]?.GetValue<string>();
            var rv = node?["rv"]?.GetValue<long>();
            if (start is null || rv is null)
            {
                throw ApiErrors.BadRequest("continue key is not valid: missing start or resourceVersion");
            }

            return (start, rv);
        }
        catch (Exception e) when (e is FormatException or JsonException or InvalidOperationException)
        {
            throw ApiErrors.BadRequest("continue key is not valid: " + e.GetType().Name);
        }
    }

    private static bool WantsTable(HttpRequest request) =>
        request.Headers.Accept.ToString().Contains("as=Table", StringComparison.Ordinal);

    private static string IncludeObject(HttpRequest request) =>
        request.Query.TryGetValue("includeObject", out var v) && v.ToString() is { Length: > 0 } s ? s : "Metadata";

    /// <summary>
    /// The object as the requested version shows it: apiVersion rewritten for other served versions, events.k8s.io
    /// Events converted from the stored core/v1 form, and for custom resources the schema defaults applied on read
    /// (not written back), as the apiserver does after a schema change. Already-converted objects pass unchanged.
    /// </summary>
    private static JsonObject View(ResourceDescriptor d, JsonObject stored)
    {
        if (d.SharedStorageKey is not null)
        {
            return IsEventsV1(d) && EventConversion.IsCore(stored) ? EventConversion.ToEventsV1(stored) : stored;
        }

        var sameVersion = stored["apiVersion"]?.ToString() == d.ApiVersion;
        if (sameVersion && (!d.IsCustom || d.Schema is null))
        {
            return stored;
        }

        var copy = (JsonObject)stored.DeepClone();
        copy["apiVersion"] = d.ApiVersion;
        if (d is { IsCustom: true, Schema: { } schema })
        {
            SchemaDefaulter.ApplyDefaults(copy, schema);
        }

        return copy;
    }

    /// <summary>What an update or patch starts from: the requested version's view for converted kinds, else the stored object.</summary>
    private static JsonObject UpdateBase(ResourceDescriptor d, JsonObject stored) => d.SharedStorageKey is null ? stored : View(d, stored);

    /// <summary>The form an object is stored in: events.k8s.io Events become core/v1 Events.</summary>
    private static JsonObject ToStorage(ResourceDescriptor d, JsonObject obj) =>
        IsEventsV1(d) && !EventConversion.IsCore(obj) ? EventConversion.ToCore(obj) : obj;

    private static bool IsEventsV1(ResourceDescriptor d) => d is { Group: BuiltInResources.EventsGroup, Kind: "Event", IsCustom: false };

    /// <summary>The views of stored objects, for Table rendering.</summary>
    private static List<JsonObject> Views(ResourceDescriptor d, IEnumerable<JsonObject> stored) => [.. stored.Select(o => View(d, o))];

    private static async Task WriteObjectAsync(HttpContext ctx, ResourceDescriptor d, int code, JsonObject obj, RequestOptions? options, CancellationToken ct)
    {
        foreach (var warning in options?.Warnings ?? [])
        {
            ctx.Response.Headers.Append("Warning", "299 - \"" + warning.Replace("\"", "\\\"", StringComparison.Ordinal) + "\"");
        }

        await WriteJsonAsync(ctx, code, View(d, obj), ct).ConfigureAwait(false);
    }

    private static async Task WriteListAsync(HttpContext ctx, ResourceDescriptor d, IReadOnlyList<JsonObject> items, string rv, string? next, long? remaining, CancellationToken ct)
    {
        ctx.Response.StatusCode = 200;
        ctx.Response.ContentType = "application/json";
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, WriterOptions))
        {
            writer.WriteStartObject();
            writer.WriteString("kind", d.ListKind);
            writer.WriteString("apiVersion", d.ApiVersion);
            writer.WriteStartObject("metadata");
            writer.WriteString("resourceVersion", rv);
            if (next is not null)
            {
                writer.WriteString("continue", next);
            }

            if (remaining is not null)
            {
                writer.WriteNumber("remainingItemCount", remaining.Value);
            }

            writer.WriteEndObject();
            writer.WriteStartArray("items");
            foreach (var item in items)
            {
                View(d, item).WriteTo(writer);
            }

            writer.WriteEndArray();
            writer.WriteEndObject();
        }

        ctx.Response.ContentLength = buffer.Length;
        await ctx.Response.Body.WriteAsync(buffer.GetBuffer().AsMemory(0, (int)buffer.Length), ct).ConfigureAwait(false);
    }
}
