using Microsoft.AspNetCore.Http;
using OciOperator.Sandbox.Kube.Errors;

namespace OciOperator.Sandbox.Kube.Http;

/// <summary>Serves <c>/openapi/v3</c> and its per-group-version documents; <c>/openapi/v2</c> is not served (404).</summary>
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
}
