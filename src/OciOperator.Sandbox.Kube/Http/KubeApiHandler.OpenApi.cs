using Microsoft.AspNetCore.Http;

namespace OciOperator.Sandbox.Kube.Http;

/// <summary>Serves <c>/openapi/v3</c> and its per-group-version documents; <c>/openapi/v2</c> is not served (404).</summary>
internal sealed partial class KubeApiHandler
{
    private async Task ServeOpenApiAsync(HttpContext ctx, string[] segments, CancellationToken ct)
    {
        EnsureMethod(ctx.Request.Method, "GET");
        if (segments is ["openapi", "v3"])
        {
            await WriteJsonAsync(ctx, 200, _openApi.Root(), ct).ConfigureAwait(false);
            return;
        }

        if (segments.Length < 3 || segments[1] != "v3")
        {
            throw ApiErrors.PathNotFound();
        }

        var key = string.Join('/', segments[2..]);
        var doc = _openApi.Document(key) ?? throw ApiErrors.PathNotFound();
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
            ctx.Response.Headers.Expires = _time.GetUtcNow().AddYears(1).ToString("R", System.Globalization.CultureInfo.InvariantCulture);
        }

        ctx.Response.ContentLength = doc.Body.Length;
        await ctx.Response.Body.WriteAsync(doc.Body, ct).ConfigureAwait(false);
    }
}
