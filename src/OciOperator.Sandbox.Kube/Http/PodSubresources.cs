using System.Text;
using Microsoft.AspNetCore.Http;
using OciOperator.Sandbox.Kube.Errors;
using OciOperator.Sandbox.Kube.Resources;
using OciOperator.Sandbox.Kube.Storage;

namespace OciOperator.Sandbox.Kube.Http;

/// <summary>
/// Pods' <c>log</c>, <c>exec</c>, <c>attach</c> and <c>portforward</c>: Sandbox pods run no containers, so logs
/// answer at once with a short text that says so, and the streaming subresources answer at once with a clear error
/// (rather than leaving kubectl waiting for an upgrade that never comes).
/// </summary>
internal sealed class PodSubresources(ObjectStore store)
{
    public static bool Serves(ResourceDescriptor d, string subresource) =>
        d is { Group: "", Kind: "Pod", IsCustom: false } && subresource is "log" or "exec" or "attach" or "portforward";

    public async Task HandleAsync(HttpContext ctx, ResourceDescriptor d, ApiRequest api, CancellationToken ct)
    {
        var pod = store.Get(d.StorageKey, api.Namespace ?? "", api.Name!) ?? throw ApiErrors.NotFound(d, api.Name!);
        if (api.Subresource != "log")
        {
            throw ApiErrors.BadRequest(
                $"{api.Subresource} is not available in the Sandbox: pod \"{api.Name}\" is simulated and runs no containers");
        }

        if (ctx.Request.Method != "GET")
        {
            throw ApiErrors.MethodNotAllowed();
        }

        var container = ctx.Request.Query["container"].ToString();
        var containers = (pod["spec"]?["containers"] as System.Text.Json.Nodes.JsonArray ?? []).Select(c => c?["name"]?.ToString() ?? "").ToList();
        if (container.Length > 0 && !containers.Contains(container))
        {
            throw ApiErrors.BadRequest($"container {container} is not valid for pod {api.Name}");
        }

        var text = $"[sandbox] pod {api.Namespace}/{api.Name}{(container.Length > 0 ? " container " + container : "")} is simulated: no container runs, so there are no logs.\n";
        var bytes = Encoding.UTF8.GetBytes(text);
        ctx.Response.StatusCode = 200;
        ctx.Response.ContentType = "text/plain";
        ctx.Response.ContentLength = bytes.Length;
        await ctx.Response.Body.WriteAsync(bytes, ct).ConfigureAwait(false);
    }
}
