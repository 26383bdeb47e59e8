using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using OciOperator.Sandbox.Kube.Errors;
using OciOperator.Sandbox.Kube.Patching;
using OciOperator.Sandbox.Kube.Resources;
using OciOperator.Sandbox.Kube.Selectors;
using OciOperator.Sandbox.Kube.Semantics;
using OciOperator.Sandbox.Kube.Storage;

namespace OciOperator.Sandbox.Kube.Http;

/// <summary>
/// The <c>/scale</c> subresource (autoscaling/v1 Scale) of Deployments, StatefulSets, ReplicaSets and CRDs that
/// declare one: GET shows the object's replicas and selector; PUT and PATCH change only the desired replicas, through
/// the update pipeline of the object itself (so generation, managed fields and watches behave as for any update).
/// </summary>
internal sealed class ScaleHandler(ObjectStore store, ObjectLifecycle lifecycle, ObjectWriter writer)
{
    public async Task HandleAsync(HttpContext ctx, ResourceDescriptor d, ApiRequest api, RequestOptions options, CancellationToken ct)
    {
        var paths = d.Scale!;
        var method = ctx.Request.Method;
        if (method == "GET")
        {
            var current = Current(d, api);
            await ResponseWriter.WriteJsonAsync(ctx, 200, ToScale(current, paths), ct).ConfigureAwait(false);
            return;
        }

        JsonNode? patch = null;
        JsonObject? body = null;
        var patchKind = "";
        switch (method)
        {
            case "PUT":
                body = await RequestBody.ReadObjectAsync(ctx.Request, "Scale", ct).ConfigureAwait(false);
                break;
            case "PATCH":
                patchKind = RequestBody.MediaType(ctx.Request);
                if (patchKind is not ("application/merge-patch+json" or "application/strategic-merge-patch+json" or "application/json-patch+json"))
                {
                    throw ApiErrors.UnsupportedPatch(strategic: true);
                }

                patch = RequestBody.Parse(await RequestBody.ReadTextAsync(ctx.Request, ct).ConfigureAwait(false), yaml: false)
                    ?? throw ApiErrors.BadRequest("the patch body is empty");
                break;
            default:
                throw ApiErrors.MethodNotAllowed();
        }

        var result = lifecycle.Locked(() =>
        {
            var current = Current(d, api);
            var scale = ToScale(current, paths);
            var desired = body ?? ApplyPatch(scale, patch!, patchKind);
            if (desired["metadata"]?["resourceVersion"]?.ToString() is { Length: > 0 } rv && rv != ObjectMeta.String(current, "resourceVersion"))
            {
                throw ApiErrors.Modified(d, api.Name!);
            }

            var replicas = desired["spec"]?["replicas"] is JsonValue v && v.TryGetValue<long>(out var n) ? n : 0;
            if (replicas < 0 || replicas > int.MaxValue)
            {
                throw ApiErrors.Invalid("Scale.autoscaling", "autoscaling", "Scale", api.Name!,
                    [Schema.FieldError.Invalid("spec.replicas", replicas, "must be greater than or equal to 0")]);
            }

            var next = (JsonObject)current.DeepClone();
            Set(next, paths.SpecReplicasPath, JsonValue.Create(replicas));
            var (updated, _) = writer.Update(d, api with { Subresource = null }, next, options, isPatch: true);
            return ToScale(updated, paths);
        });
        await ResponseWriter.WriteJsonAsync(ctx, 200, result, ct).ConfigureAwait(false);
    }

    private JsonObject Current(ResourceDescriptor d, ApiRequest api) =>
        store.Get(d.StorageKey, d.Namespaced ? api.Namespace ?? "" : "", api.Name!) ?? throw ApiErrors.NotFound(d, api.Name!);

    private static JsonObject ApplyPatch(JsonObject scale, JsonNode patch, string kind)
    {
        try
        {
            var patched = kind == "application/json-patch+json" ? JsonPatch.Apply(scale.DeepClone(), patch) : JsonMergePatch.Apply(scale, patch);
            return patched as JsonObject ?? throw ApiErrors.BadRequest("the patch result is not an object");
        }
        catch (PatchException e)
        {
            throw new ApiException(e.StatusCode, e.ToStatus()["reason"]?.ToString() ?? "", e.Message, null);
        }
    }

    /// <summary>The Scale view of an object.</summary>
    public static JsonObject ToScale(JsonObject obj, ScalePaths paths)
    {
        var meta = ObjectMeta.Metadata(obj);
        var scaleMeta = new JsonObject { ["name"] = meta?["name"]?.DeepClone() };
        foreach (var field in new[] { "namespace", "uid", "resourceVersion", "creationTimestamp" })
        {
            if (meta?[field] is { } value)
            {
                scaleMeta[field] = value.DeepClone();
            }
        }

        var status = new JsonObject { ["replicas"] = Get(obj, paths.StatusReplicasPath) is JsonValue r && r.TryGetValue<long>(out var n) ? n : 0 };
        if (paths.LabelSelectorPath is { } selectorPath)
        {
            var selector = Get(obj, selectorPath);
            var text = paths.SelectorIsObject ? LabelSelectorText.FromObject(selector as JsonObject) : selector?.ToString();
            if (!string.IsNullOrEmpty(text))
            {
                status["selector"] = text;
            }
        }

        return new JsonObject
        {
            ["kind"] = "Scale",
            ["apiVersion"] = "autoscaling/v1",
            ["metadata"] = scaleMeta,
            ["spec"] = new JsonObject { ["replicas"] = Get(obj, paths.SpecReplicasPath) is JsonValue s && s.TryGetValue<long>(out var m) ? m : 0 },
            ["status"] = status,
        };
    }

    private static JsonNode? Get(JsonObject obj, string path)
    {
        JsonNode? node = obj;
        foreach (var part in path.TrimStart('.').Split('.'))
        {
            node = (node as JsonObject)?[part];
        }

        return node;
    }

    private static void Set(JsonObject obj, string path, JsonNode value)
    {
        var parts = path.TrimStart('.').Split('.');
        var node = obj;
        foreach (var part in parts[..^1])
        {
            node = JsonDefaults.Child(node, part);
        }

        node[parts[^1]] = value;
    }
}
