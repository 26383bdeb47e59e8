using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using OciOperator.Sandbox.Kube.Errors;
using OciOperator.Sandbox.Kube.Resources;
using OciOperator.Sandbox.Kube.Semantics;

namespace OciOperator.Sandbox.Kube.Http;

/// <summary>Writes responses: JSON bodies, objects in the requested version's view, lists, Status bodies and the start of a stream.</summary>
internal static class ResponseWriter
{
    public static readonly JsonWriterOptions WriterOptions = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static async Task TryWriteStatusAsync(HttpContext ctx, int code, JsonObject status, CancellationToken ct)
    {
        if (ctx.Response.HasStarted)
        {
            return;
        }

        try
        {
            await WriteJsonAsync(ctx, code, status, ct).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            // The client went away.
        }
    }

    public static async Task WriteJsonAsync(HttpContext ctx, int code, JsonNode body, CancellationToken ct)
    {
        ctx.Response.StatusCode = code;
        ctx.Response.ContentType = "application/json";
        var bytes = Serialize(body);
        ctx.Response.ContentLength = bytes.Length;
        await ctx.Response.Body.WriteAsync(bytes, ct).ConfigureAwait(false);
    }

    public static byte[] Serialize(JsonNode node)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, WriterOptions))
        {
            node.WriteTo(writer);
        }

        return buffer.ToArray();
    }

    public static async Task WriteObjectAsync(HttpContext ctx, ResourceDescriptor d, int code, JsonObject obj, RequestOptions? options, CancellationToken ct)
    {
        foreach (var warning in options?.Warnings ?? [])
        {
            ctx.Response.Headers.Append("Warning", "299 - \"" + warning.Replace("\"", "\\\"", StringComparison.Ordinal) + "\"");
        }

        await WriteJsonAsync(ctx, code, ObjectViews.View(d, obj), ct).ConfigureAwait(false);
    }

    public static async Task WriteListAsync(HttpContext ctx, ResourceDescriptor d, IReadOnlyList<JsonObject> items, string rv, string? next, long? remaining, CancellationToken ct)
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
                ObjectViews.View(d, item).WriteTo(writer);
            }

            writer.WriteEndArray();
            writer.WriteEndObject();
        }

        ctx.Response.ContentLength = buffer.Length;
        await ctx.Response.Body.WriteAsync(buffer.GetBuffer().AsMemory(0, (int)buffer.Length), ct).ConfigureAwait(false);
    }

    public static async Task StartStreamAsync(HttpContext ctx, CancellationToken ct)
    {
        ctx.Response.StatusCode = 200;
        ctx.Response.ContentType = "application/json";
        ctx.Response.Headers.CacheControl = "no-cache, private";
        await ctx.Response.StartAsync(ct).ConfigureAwait(false);
        await ctx.Response.Body.FlushAsync(ct).ConfigureAwait(false);
    }

    public static bool WantsTable(HttpRequest request) =>
        request.Headers.Accept.ToString().Contains("as=Table", StringComparison.Ordinal);

    public static string IncludeObject(HttpRequest request) =>
        request.Query.TryGetValue("includeObject", out var v) && v.ToString() is { Length: > 0 } s ? s : "Metadata";
}
