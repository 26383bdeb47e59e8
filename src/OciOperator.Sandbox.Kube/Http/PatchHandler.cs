using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using OciOperator.Sandbox.Kube.Errors;
using OciOperator.Sandbox.Kube.Resources;
using OciOperator.Sandbox.Kube.Schema;
using OciOperator.Sandbox.Kube.Semantics;
using OciOperator.Sandbox.Kube.Storage;
using OciOperator.Sandbox.Kube.Patching;

namespace OciOperator.Sandbox.Kube.Http;

/// <summary>PATCH: routes each patch type to the Patching library, then through the update pipeline.</summary>
internal sealed class PatchHandler(ObjectStore store, ObjectLifecycle lifecycle, ObjectWriter writer, TimeProvider time)
{
    public async Task PatchAsync(HttpContext ctx, ResourceDescriptor d, ApiRequest api, RequestOptions options, CancellationToken ct)
    {
        var media = RequestBody.MediaType(ctx.Request);
        var kind = media switch
        {
            "application/json-patch+json" => PatchKind.Json,
            "application/merge-patch+json" => PatchKind.Merge,
            "application/strategic-merge-patch+json" when !d.IsCustom => PatchKind.Strategic,
            "application/apply-patch+yaml" => PatchKind.Apply,
            _ => throw ApiErrors.UnsupportedPatch(!d.IsCustom),
        };
        if (kind != PatchKind.Apply && options.Force is not null)
        {
            throw ApiErrors.Invalid("PatchOptions.meta.k8s.io", "meta.k8s.io", "PatchOptions", "",
                [FieldError.Forbidden("force", "may not be specified for non-apply patch")]);
        }

        if (kind == PatchKind.Apply && string.IsNullOrEmpty(options.FieldManager))
        {
            throw ApiErrors.Invalid("PatchOptions.meta.k8s.io", "meta.k8s.io", "PatchOptions", "",
                [FieldError.Required("fieldManager", "is required for apply patch")]);
        }

        var text = await RequestBody.ReadTextAsync(ctx.Request, ct).ConfigureAwait(false);
        var patch = RequestBody.Parse(text, yaml: kind == PatchKind.Apply)
            ?? throw ApiErrors.BadRequest("the patch body is empty");
        var (result, created) = lifecycle.Locked(() => ApplyPatch(d, api, kind, patch, options));
        await ResponseWriter.WriteObjectAsync(ctx, d, created ? 201 : 200, result, options, ct).ConfigureAwait(false);
    }

    private (JsonObject Object, bool Created) ApplyPatch(ResourceDescriptor d, ApiRequest api, PatchKind kind, JsonNode patch, RequestOptions options)
    {
        var stored = store.Get(d.StorageKey, d.Namespaced ? api.Namespace ?? "" : "", api.Name!);
        var current = stored is null ? null : ObjectViews.UpdateBase(d, stored);
        try
        {
            if (kind == PatchKind.Apply)
            {
                return ServerSideApplyPatch(d, api, current, patch, options);
            }

            if (current is null)
            {
                throw ApiErrors.NotFound(d, api.Name!);
            }

            var patched = kind switch
            {
                PatchKind.Json => JsonPatch.Apply(current.DeepClone(), patch),
                PatchKind.Merge => JsonMergePatch.Apply(current, patch),
                _ => StrategicMergePatch.Apply(current.DeepClone(), patch, d.ApiVersion, d.Kind),
            };
            if (patched is not JsonObject obj)
            {
                throw ApiErrors.BadRequest("the patch result is not an object");
            }

            return writer.Update(d, api, obj, options with { FieldManager = options.FieldManager ?? options.UserAgentManager }, isPatch: true);
        }
        catch (PatchException e)
        {
            throw ToApiException(e);
        }
    }

    private (JsonObject Object, bool Created) ServerSideApplyPatch(ResourceDescriptor d, ApiRequest api, JsonObject? current, JsonNode patch, RequestOptions options)
    {
        if (patch is not JsonObject applied)
        {
            throw ApiErrors.BadRequest("error decoding YAML: the apply configuration must be an object");
        }

        var appliedVersion = applied["apiVersion"]?.ToString() ?? "";
        if (appliedVersion != d.ApiVersion)
        {
            throw ApiErrors.BadRequest($"Incorrect version specified in apply patch. Specified patch version: {appliedVersion}, expected: {d.ApiVersion}");
        }

        if (applied["kind"]?.ToString() != d.Kind)
        {
            throw ApiErrors.BadRequest($"Incorrect kind specified in apply patch. Specified patch kind: {applied["kind"]}, expected: {d.Kind}");
        }

        var result = ServerSideApply.Apply(current, applied, options.FieldManager!, options.Force ?? false, time.GetUtcNow(), ObjectWriter.ListTypes(d),
            api.Subresource, d.HasStatus);
        if (current is null)
        {
            var toCreate = result.Object;
            var managed = toCreate["metadata"]?["managedFields"]?.DeepClone();
            var created = writer.Create(d, api.Namespace, toCreate, options, managerOverride: options.FieldManager, managedFields: managed as JsonArray);
            return (created, true);
        }

        return writer.Update(d, api, result.Object, options, isPatch: true, managedFieldsDone: true);
    }

    private static ApiException ToApiException(PatchException e)
    {
        var status = e.ToStatus();
        return new ApiException(e.StatusCode, status["reason"]?.ToString() ?? "", e.Message, status["details"]?.DeepClone() as JsonObject);
    }

    private enum PatchKind
    {
        Json,
        Merge,
        Strategic,
        Apply,
    }
}
