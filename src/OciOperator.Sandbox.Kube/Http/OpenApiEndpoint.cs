using Microsoft.AspNetCore.Http;
using OciOperator.Sandbox.Kube.Errors;

namespace OciOperator.Sandbox.Kube.Http;

/// <summary>Serves <c>/openapi/v3</c> and its per-group-version documents, and <c>/openapi/v2</c> (see <see cref="OpenApiV2Document"/>).</summary>
internal sealed class OpenApiEndpoint(OpenApiDocuments openApi, TimeProvider time)
{
    public async Task ServeAsync(HttpContext ctx, string[] segments, CancellationToken ct)
    {
        if (!HttpMethods.IsGet(ctx.Request.Method))
        {
            throw ApiErrors.MethodNotAllowed();
        }

        if (segments is ["openapi", "v3"])
        {
            await ResponseWriter.WriteJsonAsync(ctx, 200, openApi.Root(), ct).ConfigureAwait(false);
            return;
        }

        if (segments is ["openapi", "v2"])
        {
            await ServeV2Async(ctx, ct).ConfigureAwait(false);
            return;
        }

        if (segments.Length < 3 || segments[1] != "v3")
        {
            throw ApiErrors.PathNotFound();
        }

        var key = string.Join('/', segments[2..]);
        var doc = openApi.Document(key) ?? throw ApiErrors.PathNotFound();
        var requested = ctx.Request.Query["hash"].ToString();
        if (requested.Length > 0 && !string.Equals(requested, doc.Hash, StringComparison.Ordinal))
        {
            ctx.Response.StatusCode = 301;
            ctx.Response.Headers.Location = "/openapi/v3/" + key + "?hash=" + doc.Hash;
            return;
        }

        ctx.Response.StatusCode = 200;
        ctx.Response.ContentType = "application/json";
        ctx.Response.Headers.ETag = "\"" + doc.Hash + "\"";
        ctx.Response.Headers.CacheControl = requested.Length > 0 ? "public, immutable" : "no-cache, private";
        if (requested.Length > 0)
        {
            ctx.Response.Headers.Expires = time.GetUtcNow().AddYears(1).ToString("R", System.Globalization.CultureInfo.InvariantCulture);
        }

        ctx.Response.ContentLength = doc.Body.Length;
        await ctx.Response.Body.WriteAsync(doc.Body, ct).ConfigureAwait(false);
    }

    private async Task ServeV2Async(HttpContext ctx, CancellationToken ct)
    {
        var version = DiscoveryDocuments.Version()["gitVersion"]!.GetValue<string>();
        if (ctx.Request.Headers.Accept.ToString().Contains(OpenApiV2Document.ProtobufAccept, StringComparison.OrdinalIgnoreCase))
        {
            var body = OpenApiV2Document.Protobuf(version);
            ctx.Response.StatusCode = 200;
            ctx.Response.ContentType = OpenApiV2Document.ProtobufContentType;
            ctx.Response.ContentLength = body.Length;
            await ctx.Response.Body.WriteAsync(body, ct).ConfigureAwait(false);
            return;
        }

        await ResponseWriter.WriteJsonAsync(ctx, 200, OpenApiV2Document.Json(version, openApi.V2Definitions()), ct).ConfigureAwait(false);
    }
}
